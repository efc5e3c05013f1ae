namespace Analytics.Tests.Support;

/// <summary>Finds the repository's own files (never ../shared) from the test binaries.</summary>
public static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();
    public static string Sample => Path.Combine(Root, "data", "sample");
    public static string KentZip => Path.Combine(Sample, "police", "kent-2025-01-to-2025-09.zip");
    public static string Geography => Path.Combine(Sample, "geography");
    public static string Population => Path.Combine(Sample, "population");

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
            if (File.Exists(Path.Combine(directory.FullName, "Analytics.sln"))) return directory.FullName;
        throw new InvalidOperationException("Analytics.sln not found above " + AppContext.BaseDirectory);
    }
}
