using Analytics.Tests.Support;

namespace Analytics.Tests.Money;

/// <summary>
/// Plan status on data made for the purpose, where the right answer is known: a halving is a significant fall,
/// a 2% dip is not, and targets are met, nearly met or missed.
/// </summary>
public sealed class ObjectiveStatusTests : IDisposable
{
    private readonly TemporaryWarehouse warehouse = new();

    public ObjectiveStatusTests()
    {
        var inputs = warehouse.Inputs;
        var id = 0;
        string Crimes(string month, string type, int count, int positive) => string.Join("\n", Enumerable.Range(0, count).Select(i =>
            PoliceCsv.Crime($"x{id++}", month, type, i < positive ? "Offender given a caution" : "Unable to prosecute suspect")));
        foreach (var (month, after) in new[] { ("2025-01", false), ("2025-02", false), ("2025-03", false), ("2025-04", true), ("2025-05", true), ("2025-06", true) })
            PoliceCsv.Write(inputs, $"{month}-kent-street.csv", PoliceCsv.StreetHeader,
                Crimes(month, "Burglary", after ? 50 : 100, after ? 15 : 20),  // halves; outcome rate 20% -> 30%
                Crimes(month, "Drugs", after ? 98 : 100, 0),                    // a 2% dip
                Crimes(month, "Shoplifting", after ? 150 : 100, 0));            // rises by half
        File.WriteAllText(Path.Combine(inputs, "plan.yaml"), """
            plan: {id: test-plan, title: Test plan, version: "1", force_area: E23000032}
            objectives:
              - id: property
                title: Property
                measures:
                  - {id: burglary-reduce, title: Burglary, metric: incidents, crime_types: [Burglary], baseline: 2024/25 Q4, direction: reduce}
                  - {id: burglary-increase, title: Burglary, metric: incidents, crime_types: [Burglary], baseline: 2024/25 Q4, direction: increase}
                  - {id: burglary-maintain, title: Burglary, metric: incidents, crime_types: [Burglary], baseline: 2024/25 Q4, direction: maintain}
                  - {id: drugs-reduce, title: Drugs, metric: incidents, crime_types: [Drugs], baseline: 2024/25 Q4, direction: reduce}
                  - {id: shoplifting-maintain, title: Shoplifting, metric: incidents, crime_types: [Shoplifting], baseline: 2024/25 Q4, direction: maintain}
                  - {id: outcomes-met, title: Outcomes, metric: positive_outcome_rate, crime_types: [Burglary], baseline: 2024/25 Q4, target: 0.25}
                  - {id: outcomes-near, title: Outcomes, metric: positive_outcome_rate, crime_types: [Burglary], baseline: 2024/25 Q4, target: 0.32, tolerance_percent: 10}
                  - {id: outcomes-missed, title: Outcomes, metric: positive_outcome_rate, crime_types: [Burglary], baseline: 2024/25 Q4, target: 0.5}
                  - {id: outcomes-increase, title: Outcomes, metric: positive_outcome_rate, crime_types: [Burglary], baseline: 2024/25 Q4, direction: increase}
            """);
        var run = warehouse.Run(
            [.. RepositoryPaths.KentGeography, inputs]);
        Assert.True(run.ExitCode == Analytics.Etl.Pipeline.ExitCode.Success, TemporaryWarehouse.Explain(run));
    }

    [Theory]
    [InlineData("burglary-reduce", "on track", "down 50.0% on 2024/25 Q4 (January to March 2025), the plan's baseline, as the same months a year earlier (April to June 2024) are not loaded; a statistically significant change")]
    [InlineData("burglary-increase", "off track", "down 50.0%")]
    [InlineData("burglary-maintain", "on track", "a statistically significant change")]
    [InlineData("drugs-reduce", "at risk", "down 2.0% on 2024/25 Q4 (January to March 2025), the plan's baseline, as the same months a year earlier (April to June 2024) are not loaded; not a statistically significant change")]
    [InlineData("shoplifting-maintain", "off track", "up 50.0%")]
    [InlineData("outcomes-met", "on track", "target 0.25 (higher is better): value 0.3 meets it")]
    [InlineData("outcomes-near", "at risk", "misses it by less than 10%")]
    [InlineData("outcomes-missed", "off track", "misses it by more than 5%")]
    [InlineData("outcomes-increase", "on track", "up 50.0% on 2024/25 Q4 (January to March 2025), the plan's baseline, as the same months a year earlier (April to June 2024) are not loaded; a statistically significant change")]
    public void Each_measure_gets_the_status_its_rule_gives(string measure, string status, string rule)
    {
        var row = warehouse.Query<(string Status, string Rule, double Value, double Baseline)>("""
            SELECT status, status_rule, value, baseline_value FROM marts.objective_performance
            WHERE measure_id = $measure AND area_code = 'E07000105' AND period = '2025/26 Q1'
            """, new { measure }).Single();
        Assert.Equal(status, row.Status);
        Assert.Contains(rule, row.Rule);
    }

    [Fact]
    public void The_force_area_and_every_district_get_a_row_for_each_period_with_data()
    {
        var periods = warehouse.Query<(string, string)>("SELECT DISTINCT period, comparison_kind FROM marts.objective_performance ORDER BY 1");
        // Before the plan began there is nothing to compare with: no year earlier is loaded and the baseline is not before it.
        Assert.Equal([("2024/25", "none"), ("2024/25 Q4", "none"), ("2025/26", "baseline"), ("2025/26 Q1", "baseline")], periods);
        var areas = warehouse.Query<(string Type, long Count)>(
            "SELECT area_type, count(DISTINCT area_code) FROM marts.objective_performance GROUP BY 1 ORDER BY 1");
        Assert.Equal([("district", 13L), ("force area", 1L)], areas);
        var small = warehouse.Query<(bool Small, string Rule)>(
            "SELECT is_small_count, status_rule FROM marts.objective_performance WHERE area_code = 'E07000106' AND measure_id = 'drugs-reduce' AND period = '2025/26 Q1'").Single();
        Assert.True(small.Small);
        Assert.Equal("at risk", warehouse.Scalar<string>("SELECT status FROM marts.objective_performance WHERE area_code = 'E07000106' AND measure_id = 'drugs-reduce' AND period = '2025/26 Q1'"));
        Assert.Contains("fewer than 10 incidents", small.Rule);
    }

    [Fact]
    public void A_year_of_three_months_compared_with_a_three_month_baseline_is_not_flagged_but_a_longer_one_is()
    {
        var flags = warehouse.Query<(string Period, bool Partial, string Rule)>(
            "SELECT period, compares_partial_periods, status_rule FROM marts.objective_performance WHERE area_code = 'E07000105' AND measure_id = 'burglary-reduce' ORDER BY period");
        Assert.Equal([("2024/25", false), ("2024/25 Q4", false), ("2025/26", false), ("2025/26 Q1", false)], flags.Select(f => (f.Period, f.Partial)));
    }

    public void Dispose() => warehouse.Dispose();
}
