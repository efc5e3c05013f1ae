using System.Globalization;
using Analytics.Tests.Support;

namespace Analytics.Tests.Dashboard;

[Collection(DashboardCollection.Name)]
public sealed class ValueForMoneyPageTests(DashboardFixture dashboard)
{
    private const string KentValue = """
        FROM marts.value_for_money AS vfm JOIN core.dim_district AS district ON district.district_code = vfm.district_code AND district.is_current
        WHERE district.force_area_code = 'E23000032'
        """;

    private static string Pence(double value) => "£" + Math.Round((decimal)value, 2).ToString("N2", CultureInfo.InvariantCulture);
    private static string Rate(double value) => value.ToString("N1", CultureInfo.InvariantCulture);

    [Fact]
    public async Task Costs_per_result_are_the_marts_figures()
    {
        var html = await dashboard.Page("/value-for-money?year=2025/26");
        var expected = dashboard.Warehouse.Query<(string District, long Crimes, double PerCrime, long Positive, double PerPositive)>(
            "SELECT vfm.district_name, recorded_crimes, spend_per_crime, positive_outcomes, spend_per_positive_outcome " + KentValue +
            " AND vfm.financial_year = '2025/26' ORDER BY vfm.district_name");

        Assert.Contains("What does each result cost?", HtmlText.Text(html));
        Assert.Equal(13, expected.Count);
        Assert.Equal(expected.Select(e => new[] { e.District, e.Crimes.ToString("N0", CultureInfo.InvariantCulture), Pence(e.PerCrime) }),
            HtmlText.Table(html, "Spent per recorded crime by district").Select(row => new[] { row[0], row[3], row[4] }));
        Assert.Equal(expected.Select(e => new[] { e.District, e.Positive.ToString("N0", CultureInfo.InvariantCulture), Pence(e.PerPositive) }),
            HtmlText.Table(html, "Spent per positive outcome by district").Select(row => new[] { row[0], row[3], row[4] }));
    }

    [Fact]
    public async Task The_scatter_places_districts_and_the_force_area_averages_from_the_marts()
    {
        var html = await dashboard.Page("/value-for-money?year=2025/26");
        var table = HtmlText.Table(html, "Spend per resident against crime per resident");
        var districts = dashboard.Warehouse.Query<(string District, double Per1000, double Rate, double Low, double High)>(
            "SELECT vfm.district_name, spend_per_1000_population, crimes_per_1000_population, crimes_per_1000_ci_low, crimes_per_1000_ci_high " + KentValue +
            " AND vfm.financial_year = '2025/26' ORDER BY vfm.district_name");
        // The force-area average, worked out here independently: totals over total residents, with every recorded crime
        // Kent Police published (located or not) in the six months loaded, annualised.
        var (spent, residents) = dashboard.Warehouse.Query<(decimal Spent, decimal Residents)>(
            "SELECT sum(spent), sum(population)::DECIMAL(18, 0) " + KentValue + " AND vfm.financial_year = '2025/26'").Single();
        var crimes = 12.0 / 6 * dashboard.Warehouse.Scalar<long>(
            "SELECT CAST(sum(incidents) AS BIGINT) FROM marts.crime_by_district_month WHERE force_code = 'E23000032' AND financial_year = '2025/26' AND is_recorded_crime");

        Assert.Equal(districts.Count + 1, table.Count);
        Assert.Equal(districts.Select(d => new[] { d.District, "£" + Math.Round((decimal)d.Per1000, 2).ToString("N0", CultureInfo.InvariantCulture), Rate(d.Rate), Rate(d.Low), Rate(d.High) }),
            table.Take(districts.Count).Select(row => row.ToArray()));
        Assert.Equal(["Kent average", "£" + (spent * 1000 / residents).ToString("N0", CultureInfo.InvariantCulture), Rate(1000 * crimes / (double)residents), "–", "–"], table[^1]);
    }

    [Fact]
    public async Task Crime_rates_come_with_their_intervals_lowest_first()
    {
        var table = HtmlText.Table(await dashboard.Page("/value-for-money?year=2024/25"), "Recorded crime rate with its uncertainty");
        var expected = dashboard.Warehouse.Query<(string District, double Rate, double Low, double High)>(
            "SELECT vfm.district_name, crimes_per_1000_population, crimes_per_1000_ci_low, crimes_per_1000_ci_high " + KentValue +
            " AND vfm.financial_year = '2024/25' ORDER BY crimes_per_1000_population");
        Assert.Equal(expected.Select(e => new[] { e.District, Rate(e.Rate), Rate(e.Low), Rate(e.High) }), table.Select(row => new[] { row[0], row[3], row[4], row[5] }));
        Assert.All(expected, e => Assert.InRange(e.Rate, e.Low, e.High));
    }

    [Theory]
    [InlineData("2025/26", 6)]
    [InlineData("2024/25", 4)]
    public async Task A_partial_year_is_explained_in_words(string year, int months)
    {
        var text = HtmlText.Text(await dashboard.Page("/value-for-money?year=" + year));
        Assert.Equal(months, dashboard.Warehouse.Scalar<long>($"SELECT max(months_covered) {KentValue} AND vfm.financial_year = '{year}'"));
        Assert.Contains($"{year} is not a full year of crime data. It has {months} of 12 months so far.", text);
        Assert.Contains($"scaled up to a year (× 12 ÷ {months})", text);
    }

    [Theory]
    [InlineData("cost-per-crime", "Spent per recorded crime by district")]
    [InlineData("cost-per-positive-outcome", "Spent per positive outcome by district")]
    [InlineData("spend-against-crime", "Spend per resident against crime per resident")]
    [InlineData("crime-rate-intervals", "Recorded crime rate with its uncertainty")]
    public async Task Each_charts_CSV_holds_the_same_rows_as_its_table(string chart, string caption)
    {
        var table = HtmlText.Table(await dashboard.Page("/value-for-money?year=2024/25"), caption);
        var csv = MoneyCsv.Rows(await dashboard.Client().GetStringAsync($"/value-for-money?handler=csv&chart={chart}&year=2024/25"));
        Assert.NotEmpty(table);
        Assert.Equal(table.Count, csv.Count - 1);
        Assert.Equal(table.Select(row => row[0]), csv.Skip(1).Select(row => row[0]));
        Assert.All(csv, row => Assert.Equal(table[0].Count, row.Count));
    }

    [Fact]
    public async Task The_year_filter_changes_the_figures()
    {
        var latest = HtmlText.Table(await dashboard.Page("/value-for-money?year=2025/26"), "Spent per recorded crime by district");
        var earlier = HtmlText.Table(await dashboard.Page("/value-for-money?year=2024/25"), "Spent per recorded crime by district");
        Assert.NotEqual(latest.Select(row => row[4]), earlier.Select(row => row[4]));
        Assert.All(earlier, row => Assert.Equal("4", row[2]));
    }

    [Theory]
    [InlineData("/value-for-money?year=abc", "‘abc’ is not a financial year")]
    [InlineData("/value-for-money?year=2019/20", "There is no data for 2019/20")]
    public async Task A_bad_filter_value_gets_a_message_not_an_error(string address, string message)
    {
        var text = HtmlText.Text(await dashboard.Page(address));
        Assert.Contains(message, text);
        Assert.Contains("Some filters could not be used", text);
    }
}
