using System.Reflection;
using System.Text.RegularExpressions;
using Analytics.Dashboard.Pages;
using Analytics.Tests.Support;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Analytics.Tests.Dashboard;

/// <summary>
/// A newcomer goes from a figure to its SQL in one hop: each page model asks one reader (ReadModels/*PageReader)
/// for one record, chart builders are pure functions of rows, and views only show what the record holds.
/// </summary>
public sealed partial class ReadSideTests
{
    private static readonly Assembly Dashboard = typeof(IndexModel).Assembly;
    private static readonly string PagesFolder = Path.Combine(RepositoryPaths.Root, "dashboard", "Pages");

    private static IEnumerable<Type> PageModels() =>
        Dashboard.GetTypes().Where(type => type.IsSubclassOf(typeof(PageModel)) && !type.IsAbstract);

    [Fact]
    public void Every_page_model_asks_one_reader_and_nothing_else_from_the_dashboard_or_warehouse()
    {
        var offending = new List<string>();
        var withReader = 0;
        foreach (var model in PageModels())
        {
            var services = model.GetConstructors().SelectMany(constructor => constructor.GetParameters()).Select(parameter => parameter.ParameterType).ToList();
            var readers = services.Count(IsReader);
            var others = services.Where(type => !IsReader(type) && !IsFramework(type)).Select(type => type.Name).ToList();
            if (readers > 1) offending.Add($"{model.Name} asks {readers} readers");
            if (others.Count > 0) offending.Add($"{model.Name} asks for {string.Join(", ", others)} besides its reader");
            if (readers == 1) withReader++;
        }
        Assert.True(offending.Count == 0, "Page models that do more than ask their reader:\n" + string.Join("\n", offending));
        // Overview, crime, spend, value for money, allocation, peers, district, data, outcomes and panel report pages.
        Assert.True(withReader >= 10, $"only {withReader} page models ask a reader: is the scan finding the pages?");
    }

    [Fact]
    public void Views_inject_nothing_and_call_no_query_class_or_reader()
    {
        var views = Directory.GetFiles(PagesFolder, "*.cshtml", SearchOption.AllDirectories);
        var offending = views.SelectMany(view => Offences(File.ReadAllText(view)).Select(offence => $"{Path.GetRelativePath(PagesFolder, view)}: {offence}")).ToList();
        Assert.True(offending.Count == 0, "Views that read for themselves:\n" + string.Join("\n", offending));
        Assert.True(views.Length >= 20, $"only {views.Length} views scanned: is the scan reading dashboard/Pages?");
    }

    [Fact]
    public void The_view_scan_finds_an_inject_a_query_class_and_the_filter_options()
    {
        Assert.Equal(2, Offences("@inject OperationsQueries Operations\n@{ var status = Operations.Status(); }").Count);
        Assert.Single(Offences("@foreach (var year in Model.FilterOptions.Years(f.ForceArea)) { }"));
        Assert.Equal(2, Offences("@{ var page = Reader.Read(filter); var r = new CrimePageReader(); }").Count);
        Assert.Empty(Offences("@foreach (var chart in Model.Charts) { <partial name=\"_ChartPanel\" model=\"chart\" /> }"));
    }

    [Fact]
    public void Chart_builders_are_static_with_no_state()
    {
        var builders = Dashboard.GetTypes()
            .Where(type => type.Namespace == "Analytics.Dashboard.Charts" && type.Name.EndsWith("Charts", StringComparison.Ordinal))
            .ToList();
        var offending = builders.Where(type => !(type.IsAbstract && type.IsSealed)).Select(type => $"{type.Name} is not a static class").ToList();
        offending.AddRange(builders.SelectMany(type => type.GetFields(BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic)
            .Where(field => !field.IsLiteral && !field.IsInitOnly).Select(field => $"{type.Name}.{field.Name} can change between calls")));
        Assert.True(offending.Count == 0, string.Join("\n", offending));
        Assert.True(builders.Count >= 7, $"only {builders.Count} chart builders found");
    }

    private static bool IsReader(Type type) => type.Namespace == "Analytics.Dashboard.ReadModels" && type.Name.EndsWith("PageReader", StringComparison.Ordinal);

    private static bool IsFramework(Type type) => type.Namespace is { } name && (name.StartsWith("Microsoft.", StringComparison.Ordinal) || name.StartsWith("System", StringComparison.Ordinal));

    /// <summary>What in a view's text reads rather than shows: an injected service, a query class, the filter options, a reader.</summary>
    private static List<string> Offences(string view) =>
        [.. ReadingWords().Matches(view).Select(match => $"‘{match.Value}’")];

    [GeneratedRegex(@"@inject\b|\b\w+Queries\b|\bFilterOptions\b|\b\w*Reader\b")]
    private static partial Regex ReadingWords();
}
