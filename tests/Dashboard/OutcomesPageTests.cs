using System.Globalization;
using System.Text.RegularExpressions;
using Analytics.Tests.Support;

namespace Analytics.Tests.Dashboard;

[Collection(DashboardCollection.Name)]
public sealed partial class OutcomesPageTests(DashboardFixture dashboard)
{
    private sealed record Expected(string ObjectiveTitle, string MeasureTitle, string Metric, double? Value, string Status, string StatusRule);

    private List<Expected> Mart(string area, string period) => dashboard.Warehouse.Query<Expected>("""
        SELECT objective_title AS ObjectiveTitle, measure_title AS MeasureTitle, metric AS Metric, value AS Value, status AS Status, status_rule AS StatusRule
        FROM marts.objective_performance WHERE area_code = $area AND period = $period ORDER BY objective_order, measure_id
        """, new { area, period });

    private static string Shown(string metric, double? value) => metric switch
    {
        _ when value is null => "no data",
        "incidents" => value!.Value.ToString("N1", CultureInfo.InvariantCulture) + " a month",
        "rate_per_1000" => value!.Value.ToString("N1", CultureInfo.InvariantCulture) + " per 1,000 residents a year",
        _ => (value!.Value * 100).ToString("N1", CultureInfo.InvariantCulture) + "%",
    };

    /// <summary>The status vocabulary as its seed holds it: each word with its symbol.</summary>
    private static readonly Dictionary<string, string> Symbols = IndependentData.ReadCsv(Path.Combine(RepositoryPaths.Root, "warehouse", "seeds", "plan_statuses.csv"))
        .ToDictionary(row => row.Row["status"], row => row.Row["symbol"]);

    private static string Symbol(string status) => Symbols[status];

    private static void AssertTablesMatch(string html, string areaName, List<Expected> mart)
    {
        Assert.NotEmpty(mart);
        foreach (var objective in mart.GroupBy(m => m.ObjectiveTitle))
        {
            var table = HtmlText.Table(html, $"{objective.Key}: measures for {areaName}, 2025/26");
            Assert.Equal(objective.Count(), table.Count);
            foreach (var (row, expected) in table.Zip(objective))
            {
                Assert.Equal(expected.MeasureTitle, row[0]);
                Assert.Equal($"{Symbol(expected.Status)} {expected.Status}", row[1]);
                Assert.StartsWith(Shown(expected.Metric, expected.Value), row[2], StringComparison.Ordinal);
                Assert.StartsWith(expected.StatusRule, row[6], StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public async Task Statuses_and_values_are_the_marts_for_the_force_area()
    {
        var html = await dashboard.Page("/outcomes?year=2025/26");
        var mart = Mart("E23000032", "2025/26");

        AssertTablesMatch(html, "Kent", mart);
        Assert.Equal(mart.Select(m => m.ObjectiveTitle).Distinct(), H2s().Matches(html).Select(m => HtmlText.Text(m.Groups[1].Value)).Where(mart.Select(x => x.ObjectiveTitle).Contains));
        Assert.Contains("How is the Police and Crime Plan doing?", HtmlText.Text(html));
    }

    [Fact]
    public async Task The_district_filter_shows_the_districts_results()
    {
        var html = await dashboard.Page("/outcomes?year=2025/26&district=E07000112");
        var mart = Mart("E07000112", "2025/26");

        AssertTablesMatch(html, "Folkestone and Hythe", mart);
        Assert.NotEqual(Mart("E23000032", "2025/26").Select(m => m.Value), mart.Select(m => m.Value));
    }

    [Fact]
    public async Task Every_status_symbol_has_its_word_beside_it()
    {
        var html = await dashboard.Page("/outcomes?year=2025/26");
        var tags = StatusTags().Matches(html);
        var measures = dashboard.Warehouse.Scalar<long>("SELECT count(*) FROM marts.objective_performance WHERE area_code = 'E23000032' AND period = '2025/26'");

        Assert.Equal(measures + Symbols.Count, tags.Count); // each measure, and every status in the key
        foreach (Match tag in tags)
        {
            var word = tag.Groups["word"].Value;
            Assert.Contains(word, Symbols.Keys);
            Assert.Equal(Symbol(word), tag.Groups["symbol"].Value);
        }
    }

    [Fact]
    public async Task Small_counts_and_periods_of_different_lengths_are_marked()
    {
        var html = HtmlText.Text(await dashboard.Page("/outcomes?year=2025/26&district=E07000112"));
        var partial = dashboard.Warehouse.Scalar<long>("SELECT count(*) FROM marts.objective_performance WHERE area_code = 'E07000112' AND period = '2025/26' AND compares_partial_periods");
        var small = dashboard.Warehouse.Scalar<long>("SELECT count(*) FROM marts.objective_performance WHERE area_code = 'E07000112' AND period = '2025/26' AND is_small_count");

        Assert.True(partial > 0, "the sample's 2025/26 is compared with a three-month baseline");
        Assert.Equal(partial, Regex.Count(html, "Different lengths:"));
        Assert.Equal(small, Regex.Count(html, "Small count:"));
    }

    [Fact]
    public async Task The_trend_chart_defaults_to_the_first_measure()
    {
        var html = await dashboard.Page("/outcomes?year=2025/26");
        var first = dashboard.Warehouse.Scalar<string>(
            "SELECT measure_id FROM marts.objective_performance WHERE area_code = 'E23000032' ORDER BY objective_order, measure_id LIMIT 1");
        Assert.Contains($"id=\"trend-{first}\"", html);
    }

    [Fact]
    public async Task Applying_the_filters_keeps_the_measure_chosen_for_the_trend()
    {
        var html = await dashboard.Page("/outcomes?year=2025/26&measure=robbery");
        Assert.Contains("<input type=\"hidden\" name=\"measure\" value=\"robbery\">", html);
    }

    [Fact]
    public async Task The_trend_by_month_table_and_its_CSV_hold_the_same_rows_with_the_same_month_a_year_earlier()
    {
        var html = await dashboard.Page("/outcomes?year=2025/26&district=E07000105&measure=robbery");
        var table = HtmlText.Table(html, "Robberies a month by month, Ashford and Kent");
        Assert.Contains("href=\"?handler=csv&amp;chart=trend-robbery&amp;year=2025%2F26&amp;district=E07000105&amp;measure=robbery\"", html);
        var csv = (await dashboard.Client().GetStringAsync("/outcomes?handler=csv&chart=trend-robbery&year=2025/26&district=E07000105&measure=robbery")).Trim().Split('\n');

        var mart = dashboard.Warehouse.Query<(DateTime Month, string Area, double Value, double? YearEarlier)>("""
            SELECT CAST(month AS TIMESTAMP), area_name, value, year_earlier_value FROM marts.plan_measure_by_month
            WHERE measure_id = 'robbery' AND area_code IN ('E23000032', 'E07000105')
            ORDER BY month, CASE area_type WHEN 'force area' THEN 0 ELSE 1 END
            """);
        Assert.Equal("month,area,value,year_earlier", csv[0]);
        Assert.Equal(mart.Count, table.Count);
        Assert.Equal(table.Count, csv.Length - 1);
        Assert.Contains(mart, row => row.YearEarlier is not null);
        Assert.Contains(mart, row => row.YearEarlier is null);
        for (var i = 0; i < mart.Count; i++)
        {
            var (month, area, value, earlier) = mart[i];
            Assert.Equal([month.ToString("MMMM yyyy", CultureInfo.InvariantCulture), area, value.ToString("N1", CultureInfo.InvariantCulture),
                earlier?.ToString("N1", CultureInfo.InvariantCulture) ?? "–"], table[i]);
            Assert.Equal(string.Join(",", month.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), area, value.ToString(CultureInfo.InvariantCulture),
                earlier?.ToString(CultureInfo.InvariantCulture) ?? ""), csv[i + 1].TrimEnd('\r'));
        }
    }

    [Fact]
    public async Task The_compared_with_column_says_which_months_each_measure_is_compared_with()
    {
        var table = HtmlText.Table(await dashboard.Page("/outcomes?year=2025/26"), "Protecting People: measures for Kent, 2025/26");
        Assert.All(table, row => Assert.EndsWith("2024/25 Q4 (January to March 2025), the plan's baseline", row[3], StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("/outcomes?year=2025/26&measure=nonsense", "‘nonsense’ is not a measure of the plan")]
    [InlineData("/outcomes?year=abc", "‘abc’ is not a financial year")]
    [InlineData("/outcomes?year=2025/26&district=E09000001", "is not a district of Kent")]
    public async Task A_bad_value_gets_a_message_not_an_error(string address, string message)
    {
        var text = HtmlText.Text(await dashboard.Page(address));
        Assert.Contains(message, text);
        Assert.Contains("Some filters could not be used", text);
    }

    [GeneratedRegex(@"<h2[^>]*>(.*?)</h2>", RegexOptions.Singleline)] private static partial Regex H2s();
    [GeneratedRegex(@"<strong class=""tag tag--(green|amber|red|grey)""><span class=""status-icon"" aria-hidden=""true"">(?<symbol>[^<]*)</span>(?<word>[^<]*)</strong>")] private static partial Regex StatusTags();
}
