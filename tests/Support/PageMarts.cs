using System.Reflection;
using System.Text.RegularExpressions;
using Analytics.Warehouse.Lineage;
using Microsoft.AspNetCore.Razor.Hosting;

namespace Analytics.Tests.Support;

/// <summary>
/// Which marts a dashboard page's code reads: the classes its page model depends on (constructor parameters and
/// fields, followed recursively, whatever they are called), and the marts.* names in the source of those that live
/// in warehouse/Queries. Compared with warehouse/exposures.yml by <see cref="Unlisted"/> and <see cref="Stale"/>.
/// </summary>
public static partial class PageMarts
{
    private static readonly string QueriesFolder = Path.Combine(RepositoryPaths.Root, "warehouse", "Queries");

    /// <summary>Every Razor page of the dashboard: its route template (its file's path where @page names none) and its page model.</summary>
    public static IReadOnlyList<(string Route, Type Model)> Pages() =>
        new RazorCompiledItemLoader().LoadItems(typeof(Analytics.Dashboard.Hosting.WarehouseOptions).Assembly)
            .Where(item => item.Kind == "mvc.1.0.razor-page" && item.Type.GetProperty("Model") is not null)
            .Select(item => (item.Metadata.OfType<RazorCompiledItemMetadataAttribute>().FirstOrDefault(m => m.Key == "RouteTemplate")?.Value
                             ?? FileRoute(item.Identifier), item.Type.GetProperty("Model")!.PropertyType))
            .ToList();

    /// <summary>/Pages/Spend.cshtml is served at /spend, /Pages/Index.cshtml at /.</summary>
    private static string FileRoute(string identifier)
    {
        var path = identifier["/Pages".Length..^".cshtml".Length].ToLowerInvariant();
        return path.EndsWith("/index", StringComparison.Ordinal) ? path[..^"index".Length] : path;
    }

    /// <summary>The source of a class declared under warehouse/Queries, or null for any other class.</summary>
    public static string? QuerySource(Type type) =>
        Directory.GetFiles(QueriesFolder, "*.cs").Select(File.ReadAllText)
            .FirstOrDefault(source => Regex.IsMatch(source, $@"\b(class|record)\s+{Regex.Escape(type.Name)}\b"));

    /// <summary>The marts read by the code a page model depends on.</summary>
    /// <param name="sourceOf">The source text of a class whose SQL counts (a query class), or null to pass it by.</param>
    public static IReadOnlySet<string> Read(Type pageModel, Func<Type, string?> sourceOf)
    {
        var marts = new SortedSet<string>(StringComparer.Ordinal);
        var seen = new HashSet<Type>();
        var pending = new Stack<Type>([pageModel]);
        while (pending.TryPop(out var type))
        {
            if (!seen.Add(type) || !IsOurs(type)) continue;
            if (sourceOf(type) is { } source)
                foreach (var line in source.Split('\n').Where(line => !line.TrimStart().StartsWith("//", StringComparison.Ordinal)))
                    foreach (Match mart in Mart().Matches(line)) marts.Add(mart.Value.ToLowerInvariant());
            foreach (var dependency in DependenciesOf(type)) pending.Push(dependency);
        }
        return marts;
    }

    /// <summary>Marts the page's code reads that its exposure does not list.</summary>
    public static IReadOnlyList<string> Unlisted(Exposure exposure, IReadOnlySet<string> read) =>
        read.Where(mart => !exposure.DependsOn.Contains(mart, StringComparer.OrdinalIgnoreCase)).ToList();

    /// <summary>Marts the exposure lists that the page's code no longer reads.</summary>
    public static IReadOnlyList<string> Stale(Exposure exposure, IReadOnlySet<string> read) =>
        exposure.DependsOn.Where(mart => !read.Contains(mart.ToLowerInvariant())).ToList();

    private static IEnumerable<Type> DependenciesOf(Type type)
    {
        for (var current = type; current is not null && IsOurs(current); current = current.BaseType)
        {
            foreach (var constructor in current.GetConstructors(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance))
                foreach (var parameter in constructor.GetParameters()) yield return parameter.ParameterType;
            foreach (var field in current.GetFields(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.DeclaredOnly))
                yield return field.FieldType;
        }
    }

    /// <summary>Classes of this product (the dashboard, the warehouse or a test's fabrication), not the framework's.</summary>
    private static bool IsOurs(Type type) => type.Namespace?.StartsWith("Analytics.", StringComparison.Ordinal) == true && !type.IsGenericType;

    [GeneratedRegex(@"(?<![\w.])marts\.[A-Za-z_][A-Za-z0-9_]*")]
    private static partial Regex Mart();
}
