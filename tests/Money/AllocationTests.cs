using Analytics.Tests.Support;
using Analytics.Warehouse;
using Dapper;

namespace Analytics.Tests.Money;

/// <summary>Allocation formulas are data applied by one engine, and always share out the whole grant to the penny.</summary>
[Collection(SampleWarehouseCollection.Name)]
public sealed class AllocationTests(SampleWarehouseFixture sample)
{
    [Fact]
    public void Every_formula_shares_out_exactly_the_grant()
    {
        var totals = sample.Warehouse.Query<(string Grant, string Year, string Formula, decimal Total, decimal Shared, double Shares)>("""
            SELECT grant_name, financial_year, formula_id, any_value(grant_total), sum(formula_amount), sum(formula_share)
            FROM marts.allocation_model GROUP BY ALL
            """);
        Assert.True(totals.Count >= 4 * 4, "every grant of the sample under every formula");
        Assert.All(totals, t =>
        {
            Assert.Equal(t.Total, t.Shared);
            Assert.Equal(1.0, t.Shares, 9);
        });
    }

    [Fact]
    public void The_Home_Office_formula_gives_each_district_its_share_of_crimes_per_1000_residents()
    {
        var crimes = IndependentData.KentRecordedCrimes();
        var population = IndependentData.Population(2024);
        var districts = sample.Warehouse.Query<string>(
            "SELECT DISTINCT district_code FROM marts.allocation_model WHERE grant_name = 'Crime Reduction Grant'");
        var rate = districts.ToDictionary(d => d,
            d => 1000.0 * crimes.Where(c => c.Key.District == d && string.CompareOrdinal(c.Key.Month, "2025-04") >= 0).Sum(c => c.Value) / population[d]);
        var rates = rate.Values.Sum();

        var model = sample.Warehouse.Query<(string District, double Share, decimal Amount)>("""
            SELECT district_code, formula_share, formula_amount FROM marts.allocation_model
            WHERE grant_name = 'Crime Reduction Grant' AND financial_year = '2025/26' AND formula_id = 'home-office-csf'
            """);
        Assert.Equal(13, model.Count);
        foreach (var (district, share, amount) in model)
        {
            Assert.Equal(rate[district] / rates, share, 9);
            Assert.InRange((double)amount, 558_385 * share - 0.01, 558_385 * share + 0.01);
        }
    }

    [Fact]
    public void The_sample_partnership_grants_are_the_engines_Home_Office_split_of_what_was_left_for_them()
    {
        var fromEngine = sample.Warehouse.Query<(string District, decimal Amount)>("""
            SELECT district_code, formula_amount
            FROM marts.allocate_grant('Crime Reduction Grant', '2025/26', 'E23000032', 518724.00, 0, 0, 0, 1)
            """).ToDictionary(row => row.District, row => row.Amount);
        var returns = IndependentData.ReadCsv(Path.Combine(RepositoryPaths.Sample, "funding", "funding-returns-2024-25-and-2025-26.csv"))
            .Where(r => r.Row["financial_year"] == "2025/26" && r.Row["funding_stream"] == "Crime Reduction Grant" && r.Row["source"] == "illustrative")
            .ToDictionary(r => r.Row["area_served"], r => IndependentData.Money(r.Row["amount_allocated"]));

        Assert.Equal(518_724m, fromEngine.Values.Sum());
        Assert.Equal(fromEngine["E07000107"] + fromEngine["E07000109"], returns["E07000107;E07000109"]);
        foreach (var (area, amount) in returns.Where(r => !r.Key.Contains(';')))
            Assert.Equal(fromEngine[area], amount);
    }

    [Fact]
    public void Weights_chosen_on_the_spot_run_through_the_same_engine_as_the_formulas_in_the_seeds()
    {
        var seeded = sample.Warehouse.Query<(string District, decimal Amount)>("""
            SELECT district_code, formula_amount FROM marts.allocation_model
            WHERE grant_name = 'Crime Reduction Grant' AND financial_year = '2024/25' AND formula_id = 'weighted-20-50-30' ORDER BY 1
            """);
        using var connection = DuckDbConnections.OpenReadOnly(sample.Warehouse.Published.Path);
        var whatIf = connection.Query<(string District, decimal Amount)>("""
            SELECT district_code, formula_amount FROM marts.allocate_grant($grant, $year, $force_area, $total, $fixed, $crime, $population, $rate) ORDER BY 1
            """, new { grant = "Crime Reduction Grant", year = "2024/25", force_area = "E23000032", total = 558385m, @fixed = 20.0, crime = 50.0, population = 30.0, rate = 0.0 }).ToList();

        Assert.Equal(seeded, whatIf);
    }

    [Theory]
    [InlineData(100.00, new[] { 1.0, 1.0, 1.0 }, new[] { "33.34", "33.33", "33.33" })]
    [InlineData(10.00, new[] { 0.0, 0.0 }, new[] { "5.00", "5.00" })]
    [InlineData(0.05, new[] { 1.0, 1.0, 1.0, 1.0, 1.0, 1.0 }, new[] { "0.01", "0.01", "0.01", "0.01", "0.01", "0.00" })]
    [InlineData(558385.00, new[] { 0.2, 0.3, 0.5 }, new[] { "111677.00", "167515.50", "279192.50" })]
    [InlineData(1.00, new[] { 2.0, 1.0 }, new[] { "0.67", "0.33" })]
    public void Splitting_money_keeps_every_penny(double total, double[] weights, string[] expected)
    {
        using var connection = DuckDbConnections.OpenReadOnly(sample.Warehouse.Published.Path);
        var parts = connection.ExecuteScalar<string>(
            "SELECT CAST(intermediate.split_to_pence(CAST($total AS DECIMAL(18, 2)), $weights::DOUBLE[]) AS VARCHAR)",
            new { total, weights = $"[{string.Join(",", weights.Select(w => w.ToString(System.Globalization.CultureInfo.InvariantCulture)))}]" });
        Assert.Equal($"[{string.Join(", ", expected)}]", parts);
    }
}
