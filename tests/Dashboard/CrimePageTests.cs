using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Analytics.Tests.Support;

namespace Analytics.Tests.Dashboard;

[Collection(DashboardCollection.Name)]
public sealed partial class CrimePageTests(DashboardFixture dashboard)
{
    private const string RateCaption = "per 1,000 residents by district";

    [Fact]
    public async Task District_counts_and_rates_are_the_marts_figures()
    {
        var html = await dashboard.Page("/crime?year=2025/26");
        var table = HtmlText.Table(html, RateCaption);
        var crimes = dashboard.Warehouse.Query<(string, long)>("""
            SELECT district_name, CAST(sum(incidents) AS BIGINT) FROM marts.crime_by_district_month
            WHERE force_code = 'E23000032' AND financial_year = '2025/26' AND crime_type <> 'Anti-social behaviour'
              AND district_code IN (SELECT district_code FROM core.dim_district WHERE is_current AND force_area_code = 'E23000032')
            GROUP BY ALL
            """).ToDictionary(row => row.Item1, row => row.Item2);
        // The page scales a part year to twelve months exactly as the value-for-money mart does.
        var rates = dashboard.Warehouse.Query<(string, double)>(
            "SELECT district_name, crimes_per_1000_population FROM marts.value_for_money WHERE financial_year = '2025/26'")
            .ToDictionary(row => row.Item1, row => row.Item2);

        Assert.Equal(13, table.Count);
        foreach (var row in table)
        {
            Assert.Equal($"{crimes[row[0]]:N0}", row[2]);
            Assert.Equal(rates[row[0]].ToString("N1", System.Globalization.CultureInfo.InvariantCulture), row[3]);
        }
        var estimate = dashboard.Warehouse.Scalar<string>(
            "SELECT any_value(population_estimate) FROM marts.value_for_money WHERE financial_year = '2025/26' AND force_area_code = 'E23000032'");
        Assert.Contains(estimate, HtmlText.Text(html));
    }

    [Fact]
    public async Task The_crime_type_filter_counts_only_that_type()
    {
        var html = await dashboard.Page("/crime?year=2025/26&crime=Burglary");
        var byType = HtmlText.Table(html, "Incidents by crime type");
        var burglary = dashboard.Warehouse.Scalar<long>(
            "SELECT CAST(sum(incidents) AS BIGINT) FROM marts.crime_by_district_month WHERE force_code = 'E23000032' AND financial_year = '2025/26' AND crime_type = 'Burglary'");
        Assert.Equal([["Burglary", "yes", $"{burglary:N0}", byType[0][3]]], byType);

        var ashford = dashboard.Warehouse.Scalar<long>(
            "SELECT CAST(sum(incidents) AS BIGINT) FROM marts.crime_by_district_month WHERE force_code = 'E23000032' AND financial_year = '2025/26' AND crime_type = 'Burglary' AND district_code = 'E07000105'");
        var rates = HtmlText.Table(html, "Burglary per 1,000 residents by district");
        Assert.Equal($"{ashford:N0}", rates.Single(row => row[0] == "Ashford")[2]);
    }

    [Fact]
    public async Task The_district_filter_narrows_the_monthly_chart()
    {
        var all = HtmlText.Table(await dashboard.Page("/crime?year=2025/26"), "by month, Kent");
        var html = await dashboard.Page("/crime?year=2025/26&district=E07000105");
        var ashford = HtmlText.Table(html, "by month, Ashford");
        var april = dashboard.Warehouse.Scalar<long>("""
            SELECT CAST(sum(incidents) AS BIGINT) FROM marts.crime_by_district_month WHERE force_code = 'E23000032'
              AND district_code = 'E07000105' AND month = DATE '2025-04-01' AND crime_type <> 'Anti-social behaviour'
            """);
        Assert.Equal(["April 2025", $"{april:N0}"], ashford[0].Take(2));
        Assert.NotEqual(all[0][1], ashford[0][1]);
    }

    [Theory]
    [InlineData("incidents-by-month", "by month")]
    [InlineData("incidents-by-type", "Incidents by crime type")]
    [InlineData("district-rates", RateCaption)]
    public async Task Each_chart_CSV_has_the_rows_of_its_table(string chart, string caption)
    {
        var table = HtmlText.Table(await dashboard.Page("/crime?year=2025/26"), caption);
        var csv = (await dashboard.Client().GetStringAsync($"/crime?handler=csv&chart={chart}&year=2025/26")).Trim().Split('\n');
        Assert.Equal(table.Count, csv.Length - 1);
        var first = csv[1].Split(',')[0];
        Assert.Equal(table[0][0], chart == "incidents-by-month" ? DateTime.Parse(first, System.Globalization.CultureInfo.InvariantCulture).ToString("MMMM yyyy", System.Globalization.CultureInfo.InvariantCulture) : first);
    }

    [Fact]
    public async Task The_map_carries_its_own_boundaries_and_loads_nothing_from_another_host()
    {
        var html = await dashboard.Page("/crime?year=2025/26");
        var (figure, island) = HtmlText.Chart(html, "district-rates");
        var choropleth = figure["data"]!.AsArray().Single(trace => (string?)trace!["type"] == "choropleth")!;
        var features = choropleth["geojson"]!["features"]!.AsArray();

        Assert.Equal(13, features.Count);
        Assert.Equal("properties.LAD23CD", (string?)choropleth["featureidkey"]);
        Assert.All(choropleth["locations"]!.AsArray(), code => Assert.Contains(features, f => (string?)f!["properties"]!["LAD23CD"] == (string?)code));
        var geo = figure["layout"]!["geo"]!;
        Assert.False((bool)geo["showland"]!);
        Assert.Equal("locations", (string?)geo["fitbounds"]);
        // The first geo trace is placed by longitude and latitude, so Plotly never fetches a base map.
        Assert.Equal("scattergeo", (string?)figure["data"]![0]!["type"]);
        Assert.DoesNotContain("http", island, StringComparison.OrdinalIgnoreCase);
        Assert.True(File.Exists(Path.Combine(RepositoryPaths.Root, "dashboard", "Geography", "README.md")));
    }

    [Fact]
    public async Task District_names_link_to_their_own_pages()
    {
        var html = await dashboard.Page("/crime?year=2025/26");
        Assert.Contains("<a href=\"/districts/E07000105?year=2025%2F26\">Ashford</a>", html);
        Assert.Equal(200, (int)(await dashboard.Client().GetAsync("/districts/E07000105?year=2025%2F26")).StatusCode);
    }

    [Fact]
    public async Task A_bad_crime_type_gets_a_message()
    {
        var text = HtmlText.Text(await dashboard.Page("/crime?year=2025/26&crime=Piracy"));
        Assert.Contains("‘Piracy’ is not a crime type", text);
        Assert.Contains("Where and when is crime happening?", text);
    }
}
