using System.Globalization;
using Analytics.Tests.Support;

namespace Analytics.Tests.Dashboard;

[Collection(DashboardCollection.Name)]
public sealed class AllocationPageTests(DashboardFixture dashboard)
{
    private const string CrimeReduction2025 = "grant_name = 'Crime Reduction Grant' AND financial_year = '2025/26' AND force_area_code = 'E23000032'";

    private static string Pence(decimal value) => (value < 0 ? "−£" : "£") + Math.Abs(value).ToString("N2", CultureInfo.InvariantCulture);

    [Fact]
    public async Task Every_formulas_amount_and_the_actual_amount_are_the_marts_figures()
    {
        var html = await dashboard.Page("/allocation?year=2025/26&grant=Crime%20Reduction%20Grant");
        var table = HtmlText.Table(html, "the gain or loss against what it received");
        var rows = dashboard.Warehouse.Query<(string District, string Formula, decimal Amount, decimal Actual, decimal Difference)>(
            $"SELECT district_name, formula_name, formula_amount, actual_amount, difference FROM marts.allocation_model WHERE {CrimeReduction2025} ORDER BY district_name, formula_id");

        Assert.Contains("How would each formula share out a grant?", HtmlText.Text(html));
        Assert.Equal(13, table.Count);
        foreach (var district in rows.GroupBy(r => r.District))
        {
            var row = table.Single(r => r[0] == district.Key);
            Assert.Equal(Pence(district.First().Actual), row[1]);
            foreach (var formula in district)
            {
                // Gains and losses are in words and with a sign: a positive mart difference means the district received more than the formula gives.
                var change = -formula.Difference;
                var words = change > 0 ? "gains " + Pence(change) : change < 0 ? "loses " + Pence(-change) : "no change";
                Assert.Contains($"{Pence(formula.Amount)} {(change > 0 ? "+" : "")}{Pence(change)}: {words}", row.Skip(2));
            }
        }
    }

    [Fact]
    public async Task The_formula_charts_CSV_holds_the_table_rows_and_the_marts_amounts()
    {
        const string query = "year=2024/25&grant=Hotspot%20Response%20programme";
        var table = HtmlText.Table(await dashboard.Page("/allocation?" + query), "amounts against what was received");
        var csv = MoneyCsv.Rows(await dashboard.Client().GetStringAsync("/allocation?handler=csv&chart=formula-amounts&" + query));
        var expected = dashboard.Warehouse.Query<(string District, string Formula, decimal Amount)>("""
            SELECT district_name, formula_name, formula_amount FROM marts.allocation_model
            WHERE grant_name = 'Hotspot Response programme' AND financial_year = '2024/25'
            """);

        Assert.Equal(expected.Count, table.Count);
        Assert.Equal(table.Count, csv.Count - 1);
        Assert.Equal(["district", "formula", "formula_amount", "actual_amount", "gain_or_loss", "in_words"], csv[0]);
        Assert.Equal(table.Select(row => (row[0], row[1], row[5])), csv.Skip(1).Select(row => (row[0], row[1], row[5])));
        Assert.Equal(expected.OrderBy(e => e.District, StringComparer.Ordinal).ThenBy(e => e.Formula, StringComparer.Ordinal).Select(e => e.Amount),
            csv.Skip(1).Select(row => decimal.Parse(row[2], CultureInfo.InvariantCulture)));
    }

    [Theory]
    [InlineData("Crime Reduction Grant", "2025/26", "", "", "", "", 20.0, 50.0, 30.0, 0.0)]
    [InlineData("Hotspot Response programme", "2024/25", "10", "0", "0", "90", 10.0, 0.0, 0.0, 90.0)]
    [InlineData("Safer Streets Fund round 5", "2024/25", "0", "1.5", "0", "0", 0.0, 1.5, 0.0, 0.0)]
    [InlineData("Youth Crime Prevention", "2025/26", "33", "33", "33", "1", 33.0, 33.0, 33.0, 1.0)]
    public async Task What_if_amounts_add_up_to_the_grant_to_the_penny_and_are_the_engines_output(
        string grant, string year, string fixedShare, string crime, string population, string rate,
        double expectedFixed, double expectedCrime, double expectedPopulation, double expectedRate)
    {
        var query = $"year={year}&grant={Uri.EscapeDataString(grant)}";
        if (fixedShare.Length > 0) query += $"&fixed_weight={fixedShare}&crime_weight={crime}&population_weight={population}&rate_weight={rate}";
        var html = await dashboard.Page("/allocation?" + query);
        var table = HtmlText.Table(html, "under your weights: who gains and who loses");
        var csv = MoneyCsv.Rows(await dashboard.Client().GetStringAsync("/allocation?handler=csv&chart=what-if-amounts&" + query));

        var total = dashboard.Warehouse.Scalar<decimal>(
            "SELECT any_value(grant_total) FROM marts.allocation_model WHERE grant_name = $grant AND financial_year = $year AND force_area_code = 'E23000032'", new { grant, year });
        var engine = dashboard.Warehouse.Query<(string District, decimal Amount)>("""
            SELECT district_name, formula_amount FROM marts.allocate_grant($grant, $year, 'E23000032', $total, $fixed, $crime, $population, $rate)
            ORDER BY district_name
            """, new { grant, year, total, @fixed = expectedFixed, crime = expectedCrime, population = expectedPopulation, rate = expectedRate });
        var amounts = csv.Skip(1).Select(row => (row[0], decimal.Parse(row[2], CultureInfo.InvariantCulture))).ToList();

        Assert.Equal(table.Count, csv.Count - 1);
        Assert.Equal(engine, amounts);
        Assert.Equal(total, amounts.Sum(a => a.Item2));
        Assert.Equal(table.Select(row => row[2]), engine.Select(e => Pence(e.Amount)));
        Assert.Contains($"the amounts add up to {Pence(total)}, the whole grant", HtmlText.Text(html));
        Assert.Contains("Nothing is saved", HtmlText.Text(html));
    }

    [Fact]
    public async Task What_if_gains_and_losses_are_against_what_each_district_actually_received()
    {
        var html = await dashboard.Page("/allocation?year=2025/26&grant=Crime%20Reduction%20Grant&fixed_weight=0&crime_weight=0&population_weight=0&rate_weight=1");
        var whatIf = HtmlText.Table(html, "under your weights: who gains and who loses");
        // Weights 0, 0, 0, 1 are the Home Office formula in the seeds, so the what-if must repeat the mart's figures.
        var mart = dashboard.Warehouse.Query<(string District, decimal Amount, decimal Actual, decimal Difference)>(
            $"SELECT district_name, formula_amount, actual_amount, difference FROM marts.allocation_model WHERE {CrimeReduction2025} AND formula_id = 'home-office-csf' ORDER BY district_name");
        Assert.Equal(mart.Select(m => new[] { m.District, Pence(m.Amount), Pence(m.Actual), Pence(-m.Difference), m.Difference < 0 ? "gains " + Pence(-m.Difference) : "loses " + Pence(m.Difference) }),
            whatIf.Select(row => new[] { row[0], row[2], row[3], row[4], row[5] }));
    }

    [Theory]
    [InlineData("fixed_weight=abc&crime_weight=50&population_weight=30&rate_weight=0", "The fixed share weight must be a number from 0 to 100, like 25. ‘abc’ is not a number.")]
    [InlineData("fixed_weight=20&crime_weight=-5&population_weight=30&rate_weight=0", "The recorded crime weight must not be negative.")]
    [InlineData("fixed_weight=20&crime_weight=50&population_weight=300&rate_weight=0", "The population weight must be 100 or less.")]
    [InlineData("fixed_weight=0&crime_weight=0&population_weight=0&rate_weight=0", "At least one weight must be more than 0")]
    [InlineData("fixed_weight=20&crime_weight=50&population_weight=30&rate_weight=NaN", "The crime rate weight must be a number from 0 to 100")]
    public async Task Bad_weights_get_a_message_and_no_what_if(string weights, string message)
    {
        var html = await dashboard.Page("/allocation?year=2025/26&grant=Crime%20Reduction%20Grant&" + weights);
        var text = HtmlText.Text(html);
        Assert.Contains("Some choices could not be used", text);
        Assert.Contains(message, text);
        Assert.Contains("Correct the weights above to see the what-if.", text);
        Assert.DoesNotContain("who gains and who loses", text);
        Assert.Equal(13, HtmlText.Table(html, "the gain or loss against what it received").Count);
        using var csv = await dashboard.Client().GetAsync("/allocation?handler=csv&chart=what-if-amounts&year=2025/26&grant=Crime%20Reduction%20Grant&" + weights);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, csv.StatusCode);
    }

    [Theory]
    [InlineData("/allocation?year=2025/26&grant=Treasure%20Chest", "‘Treasure Chest’ is not a grant shared out between districts. Showing Crime Reduction Grant.")]
    [InlineData("/allocation?year=2025/26&grant=Hotspot%20Response%20programme", "‘Hotspot Response programme’ was not shared out in 2025/26 (it was in 2024/25).")]
    [InlineData("/allocation?year=abc&grant=Crime%20Reduction%20Grant", "‘abc’ is not a financial year")]
    public async Task A_bad_grant_or_year_gets_a_message_not_an_error(string address, string message)
    {
        var text = HtmlText.Text(await dashboard.Page(address));
        Assert.Contains(message, text);
        Assert.Contains("Some choices could not be used", text);
        Assert.Contains("How would each formula share out a grant?", text);
    }

    [Fact]
    public async Task Choosing_a_grant_changes_what_is_shown()
    {
        var html = await dashboard.Page("/allocation?year=2024/25&grant=Safer%20Streets%20Fund%20round%205");
        var districts = dashboard.Warehouse.Scalar<long>(
            "SELECT count(DISTINCT district_code) FROM marts.allocation_model WHERE grant_name = 'Safer Streets Fund round 5' AND financial_year = '2024/25'");
        Assert.Equal(3, districts);
        Assert.Contains("Safer Streets Fund round 5 2024/25", HtmlText.Text(html));
        Assert.Equal(districts, HtmlText.Table(html, "the gain or loss against what it received").Count);
    }
}
