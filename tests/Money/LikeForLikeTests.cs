using System.Globalization;
using Analytics.Tests.Support;

namespace Analytics.Tests.Money;

/// <summary>
/// Like-for-like plan comparisons on the real Kent sample (January to April 2024 and January to September 2025):
/// a period is compared with the same months a year earlier where all are loaded, otherwise with the plan's baseline
/// saying so, otherwise not judged. Expected counts are read from the police CSVs by hand, not from the marts.
/// </summary>
[Collection(SampleWarehouseCollection.Name)]
public sealed class LikeForLikeTests(SampleWarehouseFixture sample)
{
    private const string Kent = "E23000032";
    private static readonly string[] Judged = ["on track", "at risk", "off track"];

    /// <summary>Kent Police's counted incidents by month (yyyy-MM) and crime type, straight from the CSVs.</summary>
    private static readonly Lazy<Dictionary<(string Month, string CrimeType), long>> KentCounts = new(() =>
        IndependentData.CountedRecords().Where(record => record.Force == "Kent Police")
            .GroupBy(record => (record.Month, record.CrimeType)).ToDictionary(group => group.Key, group => (long)group.Count()));

    private static long Count(string crimeType, params string[] months) => months.Sum(month => KentCounts.Value.GetValueOrDefault((month, crimeType)));

    private static HashSet<string> KentMonths => [.. KentCounts.Value.Keys.Select(key => key.Month)];

    private static string YearEarlier(string month) =>
        DateTime.ParseExact(month, "yyyy-MM", CultureInfo.InvariantCulture).AddYears(-1).ToString("yyyy-MM", CultureInfo.InvariantCulture);

    private sealed record Row(string ComparisonKind, string? ComparisonPeriod, long? ComparisonMonthsCovered, double? Value, double? ComparisonValue,
        double? ChangePercent, long YearEarlierMonthsLoaded, string Status, string StatusRule);

    private Row Measure(string measure, string area, string period) => sample.Warehouse.Query<Row>("""
        SELECT comparison_kind AS ComparisonKind, comparison_period AS ComparisonPeriod, comparison_months_covered AS ComparisonMonthsCovered,
               value AS Value, comparison_value AS ComparisonValue, change_percent AS ChangePercent,
               year_earlier_months_loaded AS YearEarlierMonthsLoaded, status AS Status, status_rule AS StatusRule
        FROM marts.objective_performance WHERE measure_id = $measure AND area_code = $area AND period = $period
        """, new { measure, area, period }).Single();

    [Theory]
    [InlineData("robbery", "Robbery", "reduce")]
    [InlineData("anti-social-behaviour", "Anti-social behaviour", "reduce")]
    [InlineData("shoplifting", "Shoplifting", "maintain")]
    [InlineData("weapons", "Possession of weapons", "maintain")]
    public void Kent_2024_25_Q4_is_compared_with_January_to_March_2024_and_judged_on_it(string measure, string crimeType, string direction)
    {
        var row = Measure(measure, Kent, "2024/25 Q4");
        long now = Count(crimeType, "2025-01", "2025-02", "2025-03"), before = Count(crimeType, "2024-01", "2024-02", "2024-03");

        Assert.Equal(("year earlier", "January to March 2024", 3L), (row.ComparisonKind, row.ComparisonPeriod, row.ComparisonMonthsCovered));
        Assert.Equal(Math.Round(now / 3.0, 4), row.Value);
        Assert.Equal(Math.Round(before / 3.0, 4), row.ComparisonValue);
        Assert.Equal(Math.Round(100.0 * now / before - 100, 1), row.ChangePercent);
        // The rate ratio's 95% interval (log method), the rule's significance test, worked out here.
        var spread = 1.96 * Math.Sqrt(1.0 / now + 1.0 / before);
        var (low, high) = (Math.Exp(Math.Log((double)now / before) - spread), Math.Exp(Math.Log((double)now / before) + spread));
        var significant = low > 1 || high < 1;
        var expected = direction == "reduce"
            ? significant ? now < before ? "on track" : "off track" : "at risk"
            : significant && now > before ? "off track" : "on track";
        Assert.Equal(expected, row.Status);
        Assert.StartsWith($"{direction}: {(now < before ? "down" : "up")} {Math.Abs(100.0 * now / before - 100).ToString("F1", CultureInfo.InvariantCulture)}% "
            + "on January to March 2024 (the same months a year earlier); ", row.StatusRule, StringComparison.Ordinal);
    }

    [Fact]
    public void A_2025_26_quarter_whose_year_earlier_is_not_all_loaded_is_compared_with_the_baseline_saying_so()
    {
        var q1 = Measure("robbery", Kent, "2025/26 Q1");
        var q2 = Measure("robbery", Kent, "2025/26 Q2");
        var baseline = Math.Round(Count("Robbery", "2025-01", "2025-02", "2025-03") / 3.0, 4);

        Assert.Equal(("baseline", "January to March 2025", baseline, 1L), (q1.ComparisonKind, q1.ComparisonPeriod, q1.ComparisonValue, q1.YearEarlierMonthsLoaded));
        Assert.Contains("on 2024/25 Q4 (January to March 2025), the plan's baseline, as the same months a year earlier (April to June 2024) "
            + "are not all loaded (1 of 3 months); ", q1.StatusRule, StringComparison.Ordinal);
        Assert.Equal(("baseline", 0L), (q2.ComparisonKind, q2.YearEarlierMonthsLoaded));
        Assert.Contains("as the same months a year earlier (July to September 2024) are not loaded; ", q2.StatusRule, StringComparison.Ordinal);
        Assert.Contains(q1.Status, Judged);
    }

    [Theory]
    [InlineData(Kent)]
    [InlineData("E07000105")]
    public void A_period_with_neither_a_year_earlier_nor_a_baseline_before_it_is_not_judged(string area)
    {
        var rows = sample.Warehouse.Query<(string Measure, string TargetKind, string Kind, double? Change, string Status, string Rule)>("""
            SELECT measure_id, target_kind, comparison_kind, change_percent, status, status_rule FROM marts.objective_performance
            WHERE area_code = $area AND period = '2023/24 Q4' ORDER BY measure_id
            """, new { area });

        Assert.Equal(11, rows.Count(row => row.TargetKind == "direction"));
        Assert.All(rows, row =>
        {
            Assert.Equal(("none", (double?)null), (row.Kind, row.Change));
            Assert.Contains("no comparable period", row.Rule);
            Assert.Contains("the same months a year earlier (January to March 2023) are not loaded and 2023/24 Q4 does not come after the plan's baseline 2024/25 Q4", row.Rule);
        });
        Assert.All(rows.Where(row => row.TargetKind == "direction"), row => Assert.Equal("no comparable period", row.Status));
        // A numeric target is still judged against the target.
        Assert.All(rows.Where(row => row.TargetKind == "numeric"), row => Assert.Contains(row.Status, Judged));
    }

    [Theory]
    [InlineData("robbery", "Robbery")]
    [InlineData("anti-social-behaviour", "Anti-social behaviour")]
    public void The_monthly_marts_year_earlier_is_the_count_of_the_month_a_year_before(string measure, string crimeType)
    {
        var rows = sample.Warehouse.Query<(DateTime Month, long Incidents, DateTime? EarlierMonth, long? EarlierIncidents, double? EarlierValue)>("""
            SELECT CAST(month AS TIMESTAMP), incidents, CAST(year_earlier_month AS TIMESTAMP), year_earlier_incidents, year_earlier_value
            FROM marts.plan_measure_by_month WHERE measure_id = $measure AND area_code = $area ORDER BY month
            """, new { measure, area = Kent });

        Assert.Equal(KentMonths.Order(), rows.Select(row => row.Month.ToString("yyyy-MM", CultureInfo.InvariantCulture)));
        foreach (var row in rows)
        {
            var month = row.Month.ToString("yyyy-MM", CultureInfo.InvariantCulture);
            Assert.Equal(Count(crimeType, month), row.Incidents);
            var earlier = YearEarlier(month);
            if (KentMonths.Contains(earlier))
                Assert.Equal((earlier, Count(crimeType, earlier), (double)Count(crimeType, earlier)),
                    (row.EarlierMonth?.ToString("yyyy-MM", CultureInfo.InvariantCulture), row.EarlierIncidents, row.EarlierValue));
            else
                Assert.Equal((null, null, null), (row.EarlierMonth, row.EarlierIncidents, row.EarlierValue));
        }
        Assert.Equal(4, rows.Count(row => row.EarlierMonth is not null)); // January to April 2025
    }

    [Fact]
    public void The_crime_marts_recorded_crime_a_year_earlier_is_each_districts_count_of_the_month_a_year_before()
    {
        var expected = IndependentData.KentRecordedCrimes();
        var rows = sample.Warehouse.Query<(string District, DateTime Month, long? Earlier)>("""
            SELECT area_code, CAST(month AS TIMESTAMP), any_value(area_recorded_crimes_a_year_earlier)
            FROM marts.crime_by_area_month WHERE area_type = 'district' AND force_area_code = $area
            GROUP BY ALL ORDER BY ALL
            """, new { area = Kent });

        Assert.NotEmpty(rows);
        foreach (var (district, month, earlier) in rows)
        {
            var before = YearEarlier(month.ToString("yyyy-MM", CultureInfo.InvariantCulture));
            Assert.Equal(KentMonths.Contains(before) ? expected.GetValueOrDefault((district, before)) : (long?)null, earlier);
        }
        Assert.Contains(rows, row => row.Earlier > 0);
    }
}
