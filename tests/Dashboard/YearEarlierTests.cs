using System.Globalization;
using Analytics.Tests.Support;

namespace Analytics.Tests.Dashboard;

/// <summary>
/// The "by month" charts show beside each month the same month a year earlier: the value must be the one the page
/// shows for that month a year before, and blank where that month is not loaded. The sample's Kent has January to
/// April 2024 and January to September 2025, so January to April 2025 have a year earlier and May 2025 on do not.
/// </summary>
[Collection(DashboardCollection.Name)]
public sealed class YearEarlierTests(DashboardFixture dashboard)
{
    private static readonly string[] KentYears = ["2023/24", "2024/25", "2025/26"];

    [Theory]
    [InlineData("/", "recorded_crimes")]
    [InlineData("/", "anti_social_behaviour")]
    [InlineData("/crime", "recorded_crimes")]
    [InlineData("/crime?district=E07000105", "recorded_crimes")]
    [InlineData("/districts/E07000105", "recorded_crimes")]
    [InlineData("/districts/E07000105", "anti_social_behaviour")]
    [InlineData("/crime?crime=Burglary", "incidents")]
    [InlineData("/crime?crime=Anti-social+behaviour&district=E07000105", "incidents")]
    public async Task A_month_a_year_earlier_is_the_value_shown_for_that_month(string page, string column)
    {
        var months = new Dictionary<DateTime, (string Value, string YearEarlier)>();
        foreach (var year in KentYears)
            foreach (var row in await MonthlyCsv(page, year, column))
                months[row.Month] = (row.Value, row.YearEarlier);

        var january = new DateTime(2025, 1, 1);
        for (var month = january; month <= january.AddMonths(3); month = month.AddMonths(1))
        {
            Assert.True(months.ContainsKey(month.AddYears(-1)), $"{month.AddYears(-1):MMMM yyyy} is not shown on {page}");
            Assert.NotEqual("", months[month].YearEarlier);
            Assert.Equal(months[month.AddYears(-1)].Value, months[month].YearEarlier);
        }
        Assert.Equal("", months[new DateTime(2025, 5, 1)].YearEarlier);
        Assert.All(months.Where(m => m.Key.Year == 2024), m => Assert.Equal("", m.Value.YearEarlier));
    }

    [Fact]
    public async Task The_chart_draws_the_year_earlier_as_its_own_dotted_series()
    {
        var (figure, _) = HtmlText.Chart(await dashboard.Page("/?year=2024/25"), "incidents-by-month");
        var earlier = figure["data"]!.AsArray().Single(trace => (string?)trace!["name"] == "Recorded crime, same month a year earlier")!;
        Assert.Equal("dot", (string?)earlier["line"]!["dash"]);
        Assert.Equal(3, earlier["x"]!.AsArray().Count);
    }

    /// <summary>Each month of one year's CSV with the column asked for and its year-earlier column ('' when blank).</summary>
    private async Task<List<(DateTime Month, string Value, string YearEarlier)>> MonthlyCsv(string page, string year, string column)
    {
        var separator = page.Contains('?', StringComparison.Ordinal) ? "&" : "?";
        var csv = (await dashboard.Client().GetStringAsync($"{page}{separator}handler=csv&chart=incidents-by-month&year={year}")).Trim().Split('\n');
        var header = csv[0].Split(',');
        var value = Array.IndexOf(header, column);
        var earlier = Array.IndexOf(header, column + "_a_year_earlier");
        Assert.True(value > 0 && earlier > 0, $"{page} {year}: no {column} beside its year earlier in {csv[0]}");
        return [.. csv.Skip(1).Select(line => line.Split(','))
            .Select(cells => (DateTime.Parse(cells[0], CultureInfo.InvariantCulture), cells[value], cells[earlier]))];
    }
}
