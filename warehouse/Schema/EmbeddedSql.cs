using System.Reflection;

namespace Analytics.Warehouse.Schema;

/// <summary>The SQL, YAML and seed files compiled into this assembly, addressed by their repository path.</summary>
public static class EmbeddedSql
{
    private static readonly Assembly Assembly = typeof(EmbeddedSql).Assembly;

    /// <summary>Resource names under a folder (for example "migrations/"), in ordinal order.</summary>
    public static IReadOnlyList<string> List(string folder) =>
        Assembly.GetManifestResourceNames()
            .Where(name => name.StartsWith(folder, StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .ToList();

    public static string Read(string resourceName)
    {
        using var stream = Assembly.GetManifestResourceStream(resourceName)
            ?? throw new InvalidOperationException($"Embedded resource '{resourceName}' is missing from the build.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    public static bool Exists(string resourceName) => Assembly.GetManifestResourceInfo(resourceName) is not null;
}
