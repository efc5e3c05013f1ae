using Analytics.Tests.Support;

namespace Analytics.Tests.Money;

/// <summary>The money marts against figures worked out here from the sample's own CSV files.</summary>
[Collection(SampleWarehouseCollection.Name)]
public sealed class SpendReconciliationTests(SampleWarehouseFixture sample)
{
    private static readonly string FundingFile = Path.Combine(RepositoryPaths.Sample, "funding", "funding-returns-2024-25-and-2025-26.csv");
    private static readonly List<(int Line, Dictionary<string, string> Row)> Returns = IndependentData.ReadCsv(FundingFile).ToList();

    [Theory]
    [InlineData("2024/25")]
    [InlineData("2025/26")]
    public void Totals_by_year_reconcile_with_the_returns_to_the_penny(string year)
    {
        var lines = Returns.Where(r => r.Row["financial_year"] == year).ToList();
        var mart = sample.Warehouse.Query<(decimal Allocated, decimal Spent)>(
            "SELECT sum(allocated), coalesce(sum(spent), 0) FROM marts.spend_by_district_year WHERE financial_year = $year", new { year }).Single();

        Assert.Equal(lines.Sum(r => IndependentData.Money(r.Row["amount_allocated"])), mart.Allocated);
        Assert.Equal(lines.Sum(r => IndependentData.Money(r.Row["amount_spent"])), mart.Spent);
    }

    [Fact]
    public void Apportioned_amounts_add_up_exactly_to_the_line_they_came_from()
    {
        var parts = sample.Warehouse.Query<(long Line, decimal Allocated, decimal? Spent, long Districts, bool Apportioned)>("""
            SELECT source_line, sum(allocated), sum(spent), count(*), bool_and(is_apportioned)
            FROM marts.spend_by_district_year GROUP BY source_line
            """).ToDictionary(p => p.Line);

        Assert.Equal(Returns.Count, parts.Count);
        foreach (var (line, row) in Returns)
        {
            var part = parts[line];
            Assert.Equal(IndependentData.Money(row["amount_allocated"]), part.Allocated);
            Assert.Equal(IndependentData.Money(row["amount_spent"]), part.Spent ?? 0m);
            var codes = row["area_served"].Split(';');
            Assert.Equal(codes.Length > 1 || codes[0].StartsWith("E23", StringComparison.Ordinal), part.Apportioned);
        }
    }

    [Fact]
    public void A_force_wide_line_is_shared_by_population_and_says_so()
    {
        var hotspot = sample.Warehouse.Query<(string District, decimal Allocated, double Share, string Rule)>("""
            SELECT district_code, allocated, apportioned_share, apportionment_rule FROM marts.spend_by_district_year
            WHERE funding_stream = 'Hotspot Response programme' ORDER BY district_code
            """);
        var population = IndependentData.Population(2024);
        var kent = hotspot.Select(h => h.District).ToList();
        var total = kent.Sum(code => population[code]);

        Assert.Equal(13, hotspot.Count);
        foreach (var (district, allocated, share, rule) in hotspot)
        {
            Assert.Equal((double)population[district] / total, share, 9);
            Assert.InRange(allocated, 1_568_614m * population[district] / total - 0.01m, 1_568_614m * population[district] / total + 0.01m);
            Assert.Contains("population share of the 13 districts served (ONS mid-2024 population estimate)", rule);
        }
    }

    [Fact]
    public void Spend_per_crime_for_Ashford_in_2025_26_matches_a_calculation_by_hand()
    {
        // Ashford's spend: whole lines for Ashford alone, population shares of lines for several districts.
        var population = IndependentData.Population(2024);
        var kentDistricts = population.Keys.Where(code => code is "E06000035" || (code.StartsWith("E070001", StringComparison.Ordinal) && string.CompareOrdinal(code, "E07000105") >= 0 && string.CompareOrdinal(code, "E07000116") <= 0)).ToList();
        decimal spent = 0;
        foreach (var (_, row) in Returns.Where(r => r.Row["financial_year"] == "2025/26" && r.Row["amount_spent"].Length > 0))
        {
            var served = row["area_served"] == "E23000032" ? kentDistricts : row["area_served"].Split(';').ToList();
            if (!served.Contains("E07000105")) continue;
            spent += IndependentData.Money(row["amount_spent"]) * population["E07000105"] / served.Sum(code => population[code]);
        }
        var crimes = IndependentData.KentRecordedCrimes().Where(c => c.Key.District == "E07000105" && string.CompareOrdinal(c.Key.Month, "2025-04") >= 0).Sum(c => c.Value);
        var months = 6; // April to September 2025 are loaded
        var byHand = spent / (crimes * 12m / months);

        var mart = sample.Warehouse.Query<(decimal Spent, long Crimes, int Months, decimal SpendPerCrime, bool Partial)>("""
            SELECT spent, recorded_crimes, months_covered, spend_per_crime, is_partial_year FROM marts.value_for_money
            WHERE financial_year = '2025/26' AND district_code = 'E07000105'
            """).Single();

        Assert.Equal(crimes, mart.Crimes);
        Assert.Equal(months, mart.Months);
        Assert.True(mart.Partial);
        Assert.InRange(mart.Spent, spent - 0.05m, spent + 0.05m); // a penny of rounding per apportioned line at most
        Assert.InRange(mart.SpendPerCrime, byHand - 0.01m, byHand + 0.01m);
    }

    [Fact]
    public void Crime_rates_carry_a_Poisson_interval_that_contains_them()
    {
        var rows = sample.Warehouse.Query<(string District, long Crimes, double Rate, double Low, double High)>("""
            SELECT district_code, recorded_crimes, crimes_per_1000_population, crimes_per_1000_ci_low, crimes_per_1000_ci_high
            FROM marts.value_for_money WHERE recorded_crimes IS NOT NULL
            """);
        Assert.NotEmpty(rows);
        Assert.All(rows, row => Assert.True(row.Low <= row.Rate && row.Rate <= row.High, $"{row.District}: {row.Low} {row.Rate} {row.High}"));
        // Byar's approximation for 100 events: 81.37 to 121.63 (published tables give 81.4 to 121.6).
        var interval = sample.Warehouse.Query<(double Low, double High)>(
            "SELECT 100 * pow(1 - 1 / 900.0 - 1.96 / 30, 3), 101 * pow(1 - 1 / 909.0 + 1.96 / (3 * sqrt(101)), 3)").Single();
        Assert.Equal(81.4, interval.Low, 1);
        Assert.Equal(121.6, interval.High, 1);
    }

    [Fact]
    public void A_partial_year_says_how_many_months_it_covers()
    {
        var years = sample.Warehouse.Query<(string Year, int Months, bool Partial)>(
            "SELECT DISTINCT financial_year, months_covered, is_partial_year FROM marts.value_for_money WHERE district_code = 'E07000105' ORDER BY 1");
        // Kent's months in the sample, read from its files: January to April 2024 and January to September 2025.
        var expected = PoliceCsv.KentStreetFiles().Select(file => file.Lines[1].Split(',')[1]).Distinct()
            .Select(month => (Year: int.Parse(month[..4]), Month: int.Parse(month[5..])))
            .GroupBy(month => month.Month >= 4 ? month.Year : month.Year - 1)
            .OrderBy(year => year.Key)
            .Select(year => ($"{year.Key}/{(year.Key + 1) % 100:00}", year.Count(), year.Count() < 12)).ToList();
        Assert.Equal(3, expected.Count);
        Assert.Equal(expected, years);
    }
}
