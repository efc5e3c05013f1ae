using Analytics.Tests.Support;
using Analytics.Warehouse.Lineage;

namespace Analytics.Tests.Warehouse;

/// <summary>
/// warehouse/exposures.yml says which page reads which marts: it must agree with the code (every mart a page's
/// query classes read is listed for that page, and nothing else) and with the built warehouse (every mart and
/// column it names exists). Every figure id on the pages as served is checked in LineagePageTests.
/// </summary>
[Collection(SampleWarehouseCollection.Name)]
public sealed class ExposureTests(SampleWarehouseFixture sample)
{
    [Fact]
    public void Each_page_lists_exactly_the_marts_its_code_reads()
    {
        var problems = new List<string>();
        var pages = PageMarts.Pages();
        foreach (var (route, model) in pages)
        {
            var read = PageMarts.Read(model, PageMarts.QuerySource);
            var exposure = Exposures.ForRoute(route);
            if (exposure is null)
            {
                if (read.Count > 0) problems.Add($"{route} ({model.Name}) reads {string.Join(", ", read)} but is not in warehouse/exposures.yml");
                continue;
            }
            problems.AddRange(PageMarts.Unlisted(exposure, read).Select(mart => $"{route} reads {mart}, which exposures.yml does not list for page {exposure.Page}"));
            problems.AddRange(PageMarts.Stale(exposure, read).Select(mart => $"exposures.yml lists {mart} for page {exposure.Page}, which its code does not read"));
        }
        problems.AddRange(Exposures.All.Where(exposure => !pages.Any(page => page.Route == exposure.Route))
            .Select(exposure => $"exposures.yml names route {exposure.Route}, which no page serves"));

        Assert.True(problems.Count == 0, string.Join("\n", problems));
        Assert.Contains("marts.crime_by_area_month", PageMarts.Read(pages.Single(page => page.Route == "/crime").Model, PageMarts.QuerySource));
    }

    [Fact]
    public void The_check_fails_when_a_query_reads_an_unlisted_mart()
    {
        var exposure = Exposures.Parse("""
            exposures:
              - page: fabricated
                route: /fabricated
                title: A page made up for this test
                depends_on: [marts.crime_by_area_month, marts.peer_groups]
            """).Single();
        string? Source(Type type) => type == typeof(FabricatedQueries)
            ? """
              /// <summary>Reads marts.in_a_comment, which does not count.</summary>
              SELECT * FROM marts.crime_by_area_month JOIN marts.unlisted_mart USING (area_code)
              """
            : null;

        var read = PageMarts.Read(typeof(FabricatedPage), Source);

        Assert.Equal(["marts.crime_by_area_month", "marts.unlisted_mart"], read);
        Assert.Equal(["marts.unlisted_mart"], PageMarts.Unlisted(exposure, read));
        Assert.Equal(["marts.peer_groups"], PageMarts.Stale(exposure, read));
    }

    [Fact]
    public void Every_mart_and_column_named_exists_in_the_built_warehouse()
    {
        var columns = sample.Warehouse.Query<(string Table, string Column)>(
            "SELECT table_schema || '.' || table_name, column_name FROM information_schema.columns WHERE table_schema = 'marts'")
            .ToHashSet();
        var macros = sample.Warehouse.Query<string>("SELECT DISTINCT schema_name || '.' || function_name FROM duckdb_functions() WHERE schema_name = 'marts'").ToHashSet();
        var tables = columns.Select(column => column.Table).ToHashSet();
        var problems = new List<string>();
        foreach (var exposure in Exposures.All)
        {
            problems.AddRange(exposure.DependsOn.Where(mart => !tables.Contains(mart) && !macros.Contains(mart)).Select(mart => $"{exposure.Page}: no {mart}"));
            foreach (var figure in exposure.Figures)
            {
                if (!exposure.DependsOn.Contains(figure.Mart)) problems.Add($"{exposure.Page}/{figure.Id}: {figure.Mart} is not in the page's depends_on");
                if (!tables.Contains(figure.Mart)) problems.Add($"{exposure.Page}/{figure.Id}: no table {figure.Mart}");
                problems.AddRange(figure.Columns.Where(column => !columns.Contains((figure.Mart, column))).Select(column => $"{exposure.Page}/{figure.Id}: no {figure.Mart}.{column}"));
                if (figure.Columns.Count == 0) problems.Add($"{exposure.Page}/{figure.Id}: names no columns");
            }
            problems.AddRange(exposure.Figures.GroupBy(figure => figure.Id).Where(same => same.Count() > 1).Select(same => $"{exposure.Page}: figure {same.Key} listed twice"));
        }
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }
}

// A page, a chart builder and a query class made up for the checker's own test, wired as the dashboard wires them.
internal sealed class FabricatedQueries;
internal sealed class FabricatedCharts(FabricatedQueries queries)
{
    public FabricatedQueries Queries => queries;
}
internal sealed class FabricatedPage(FabricatedCharts charts)
{
    public FabricatedCharts Charts => charts;
}
