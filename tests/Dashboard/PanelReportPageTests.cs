using System.Globalization;
using Analytics.Tests.Support;

namespace Analytics.Tests.Dashboard;

[Collection(DashboardCollection.Name)]
public sealed class PanelReportPageTests(DashboardFixture dashboard)
{
    /// <summary>The status vocabulary as its seed holds it: each word with its symbol.</summary>
    private static readonly Dictionary<string, string> Symbols = IndependentData.ReadCsv(Path.Combine(RepositoryPaths.Root, "warehouse", "seeds", "plan_statuses.csv"))
        .ToDictionary(row => row.Row["status"], row => row.Row["symbol"]);

    private static string Symbol(string status) => Symbols[status];

    [Fact]
    public async Task The_report_prints_the_chosen_period_area_and_date()
    {
        var text = HtmlText.Text(await dashboard.Page("/panel-report?period=2025/26%20Q1"));

        Assert.Contains("Police and Crime Panel report: Kent, 2025/26 Q1", text);
        Assert.Contains("Period 2025/26 Q1 (quarter of financial year 2025/26)", text);
        Assert.Contains("Area Kent police force area", text);
        Assert.Contains("Produced " + DateTime.UtcNow.ToString("d MMMM yyyy", CultureInfo.InvariantCulture), text);
        Assert.Contains("Spend and value for money are for the whole financial year 2025/26", text);
    }

    [Fact]
    public async Task Without_a_period_the_report_is_for_the_latest_year()
    {
        var text = HtmlText.Text(await dashboard.Page("/panel-report"));
        var latest = dashboard.Warehouse.Scalar<string>("SELECT max(financial_year) FROM marts.objective_performance");
        Assert.Contains($"Police and Crime Panel report: Kent, {latest}", text);
        Assert.Contains($"Period {latest} (financial year)", text);
    }

    [Theory]
    [InlineData("2025/26")]
    [InlineData("2025/26 Q2")]
    public async Task Plan_status_is_the_marts_for_the_force_area(string period)
    {
        var html = await dashboard.Page("/panel-report?period=" + Uri.EscapeDataString(period));
        var table = HtmlText.Table(html, $"Plan measures for Kent, {period}");
        var mart = dashboard.Warehouse.Query<(string, string, string)>("""
            SELECT objective_title, measure_title, status FROM marts.objective_performance
            WHERE area_code = 'E23000032' AND period = $period ORDER BY objective_order, measure_id
            """, new { period });

        Assert.Equal(mart.Count, table.Count);
        foreach (var ((objective, measure, status), row) in mart.Zip(table))
        {
            Assert.Equal($"{objective}: {measure}", row[0]);
            Assert.Equal($"{Symbol(status)} {status}", row[1]);
        }
    }

    [Fact]
    public async Task A_quarter_with_its_year_earlier_loaded_is_compared_with_it()
    {
        var table = HtmlText.Table(await dashboard.Page("/panel-report?period=2024/25%20Q4"), "Plan measures for Kent, 2024/25 Q4");
        var values = dashboard.Warehouse.Query<(string Metric, double Value)>("""
            SELECT metric, comparison_value FROM marts.objective_performance
            WHERE area_code = 'E23000032' AND period = '2024/25 Q4' ORDER BY objective_order, measure_id
            """);

        Assert.Equal(values.Count, table.Count);
        foreach (var ((metric, value), row) in values.Zip(table))
            Assert.Equal($"{(metric == "positive_outcome_rate" ? (value * 100).ToString("N1", CultureInfo.InvariantCulture) + "%" : value.ToString("N1", CultureInfo.InvariantCulture))}",
                row[3].Split(' ')[0]);
        Assert.All(table, row => Assert.EndsWith("(January to March 2024, the same months a year earlier)", row[3], StringComparison.Ordinal));
    }

    [Fact]
    public async Task Spend_by_funding_stream_is_the_marts()
    {
        var table = HtmlText.Table(await dashboard.Page("/panel-report?period=2025/26"), "Allocated and spent by funding stream, Kent, 2025/26");
        var mart = dashboard.Warehouse.Query<(string, decimal)>("""
            SELECT funding_stream, sum(allocated) FROM marts.spend_by_district_year AS spend JOIN core.dim_district AS district USING (district_code)
            WHERE district.is_current AND district.force_area_code = 'E23000032' AND spend.financial_year = '2025/26'
            GROUP BY funding_stream ORDER BY 2 DESC, 1
            """);

        Assert.Equal(mart.Count + 1, table.Count); // and the total
        foreach (var ((stream, allocated), row) in mart.Zip(table))
            Assert.Equal([stream, "£" + allocated.ToString("N0", CultureInfo.InvariantCulture)], row[0..2]);
        Assert.Equal(["Total", "£" + mart.Sum(m => m.Item2).ToString("N0", CultureInfo.InvariantCulture)], table[^1][0..2]);
    }

    [Fact]
    public async Task Value_for_money_by_district_is_the_marts()
    {
        var table = HtmlText.Table(await dashboard.Page("/panel-report?period=2025/26"), "Cost per crime and crime rate by district, 2025/26");
        var mart = dashboard.Warehouse.Query<(string, double, double, double, double)>("""
            SELECT vfm.district_name, vfm.spend_per_crime, vfm.crimes_per_1000_population, vfm.crimes_per_1000_ci_low, vfm.crimes_per_1000_ci_high
            FROM marts.value_for_money AS vfm JOIN core.dim_district AS district ON district.district_code = vfm.district_code AND district.is_current
            WHERE vfm.financial_year = '2025/26' AND district.force_area_code = 'E23000032' ORDER BY vfm.district_name
            """);

        Assert.Equal(mart.Count, table.Count);
        foreach (var ((district, perCrime, rate, low, high), row) in mart.Zip(table))
        {
            Assert.Equal(district, row[0]);
            Assert.Equal("£" + ((decimal)perCrime).ToString("N0", CultureInfo.InvariantCulture), row[2]);
            Assert.Equal(rate.ToString("N1", CultureInfo.InvariantCulture), row[4]);
            Assert.Equal($"{low.ToString("N1", CultureInfo.InvariantCulture)} to {high.ToString("N1", CultureInfo.InvariantCulture)}", row[5]);
        }
    }

    [Theory]
    [InlineData("2030/31")]
    [InlineData("2025/26 Q9")]
    [InlineData("<script>")]
    public async Task A_bad_period_gets_a_message_and_the_latest_year(string period)
    {
        var text = HtmlText.Text(await dashboard.Page("/panel-report?period=" + Uri.EscapeDataString(period)));
        Assert.Contains("The period could not be used", text);
        Assert.Contains($"‘{period}’ is not a period the plan has results for", text);
        Assert.Contains("Period 2025/26 (financial year)", text);
    }
}
