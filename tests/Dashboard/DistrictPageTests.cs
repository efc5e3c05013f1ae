using System.Net;
using Analytics.Tests.Support;

namespace Analytics.Tests.Dashboard;

[Collection(DashboardCollection.Name)]
public sealed class DistrictPageTests(DashboardFixture dashboard)
{
    private const string Ashford = "/districts/E07000105?year=2025/26";

    [Fact]
    public async Task A_district_page_shows_the_marts_figures()
    {
        var html = await dashboard.Page(Ashford);
        var text = HtmlText.Text(html);
        var (rate, low, high, crimes) = dashboard.Warehouse.Query<(double, double, double, long)>(
            "SELECT crimes_per_1000_population, crimes_per_1000_ci_low, crimes_per_1000_ci_high, recorded_crimes FROM marts.value_for_money WHERE financial_year = '2025/26' AND district_code = 'E07000105'").Single();
        var allocated = dashboard.Warehouse.Scalar<decimal>(
            "SELECT sum(allocated) FROM marts.spend_by_district_year WHERE financial_year = '2025/26' AND district_code = 'E07000105'");
        var offTrack = dashboard.Warehouse.Scalar<long>(
            "SELECT count(*) FROM marts.objective_performance WHERE area_code = 'E07000105' AND period = '2025/26' AND status = 'off track'");

        Assert.Contains("Ashford: crime, spend and the plan", text);
        Assert.Contains($"Recorded crime per 1,000 residents a year {rate:N1} 95% interval {low:N1} to {high:N1}", text);
        Assert.Contains($"Recorded crimes {crimes:N0}", text);
        Assert.Contains($"of £{allocated:N0} allocated", text);
        var measures = HtmlText.Table(html, "Plan measures for Ashford");
        Assert.Equal(offTrack, measures.Count(row => row[5].StartsWith("Off track", StringComparison.Ordinal)));
        Assert.Contains("/crime?year=2025%2F26&amp;district=E07000105", html);
    }

    [Fact]
    public async Task The_rate_table_compares_the_district_with_the_force_area()
    {
        var table = HtmlText.Table(await dashboard.Page(Ashford), "Recorded crime per 1,000 residents, Ashford against");
        // The force area as a whole counts every record Kent Police published, located or not, over all its residents.
        var area = dashboard.Warehouse.Scalar<double>("""
            SELECT round(1000 * 12.0 / 6 * (SELECT sum(incidents) FROM marts.crime_by_district_month
                                             WHERE force_code = 'E23000032' AND financial_year = '2025/26' AND is_recorded_crime)
                   / sum(population), 1)
            FROM marts.value_for_money WHERE financial_year = '2025/26' AND force_area_code = 'E23000032'
            """);
        Assert.Equal(13 + 1, table.Count);
        Assert.Single(table, row => row[0] == "Ashford (this district)");
        Assert.Equal($"{area:N1}", table[^1][3]);
    }

    [Theory]
    [InlineData("incidents-by-month", "Recorded crime and anti-social behaviour by month, Ashford")]
    [InlineData("incidents-by-type", "Incidents by crime type, Ashford")]
    [InlineData("crime-rate", "Recorded crime per 1,000 residents, Ashford")]
    [InlineData("spend-by-stream", "Money for Ashford by funding stream")]
    public async Task Each_chart_CSV_has_the_rows_of_its_table(string chart, string caption)
    {
        var table = HtmlText.Table(await dashboard.Page(Ashford), caption);
        var csv = (await dashboard.Client().GetStringAsync($"/districts/E07000105?handler=csv&chart={chart}&year=2025/26")).Trim().Split('\n');
        Assert.NotEmpty(table);
        Assert.Equal(table.Count, csv.Length - 1);
    }

    [Theory]
    [InlineData("/districts/E99999999", "E99999999")]
    [InlineData("/districts/E09000004", "E09000004")]
    [InlineData("/districts/%3Cb%3Enot-a-code", "&lt;b&gt;not-a-code")]
    public async Task An_unknown_district_answers_404_with_the_districts_to_choose_from(string address, string echoed)
    {
        using var response = await dashboard.Client().GetAsync(address);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("District not found", html);
        Assert.Contains(echoed, html);
        Assert.Contains("<a href=\"/districts/E07000105?year=", html);
        Assert.Contains(">Medway</a>", html);
        Assert.DoesNotContain("<b>not-a-code", html);
    }
}
