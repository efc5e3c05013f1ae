using Analytics.Tests.Support;

namespace Analytics.Tests.Warehouse;

[Collection(SampleWarehouseCollection.Name)]
public sealed class DimensionTests(SampleWarehouseFixture sample)
{
    [Theory]
    [InlineData("2025-03-01", "2024/25", "Q4", 12)]
    [InlineData("2025-04-01", "2025/26", "Q1", 1)]
    [InlineData("2025-06-01", "2025/26", "Q1", 3)]
    [InlineData("2025-07-01", "2025/26", "Q2", 4)]
    [InlineData("2025-12-01", "2025/26", "Q3", 9)]
    [InlineData("2026-01-01", "2025/26", "Q4", 10)]
    [InlineData("2099-04-01", null, null, null)]
    [InlineData("2000-01-01", null, null, null)]
    public void Months_carry_the_UK_financial_year_and_quarter(string month, string? year, string? quarter, int? monthOfYear)
    {
        var row = sample.Warehouse.Query<(string FinancialYear, string Quarter, int MonthOfYear)>(
            "SELECT financial_year, financial_quarter, month_of_financial_year FROM core.dim_month WHERE month = CAST($month AS DATE)",
            new { month });
        if (year is null) { Assert.Empty(row); return; }
        Assert.Equal((year, quarter!, monthOfYear!.Value), Assert.Single(row));
    }

    [Theory]
    [InlineData("core.dim_month", "month_key = -1")]
    [InlineData("core.dim_district", "district_code = 'UNKNOWN'")]
    [InlineData("core.dim_geography", "geography_key = 'UNKNOWN'")]
    [InlineData("core.dim_force", "force_key = 'unknown'")]
    [InlineData("core.dim_crime_type", "crime_type_key = 'unknown'")]
    [InlineData("core.dim_outcome", "outcome_key = 'unknown'")]
    public void Every_dimension_has_an_unknown_member(string dimension, string condition)
    {
        var sql = $"SELECT count(*) FROM {dimension} WHERE {condition}";
        Assert.Equal(1, sample.Warehouse.Scalar<long>(sql));
    }

    [Fact]
    public void Shepway_became_Folkestone_and_Hythe_as_a_slowly_changing_dimension()
    {
        var versions = sample.Warehouse.Query<(string Name, DateTime From, DateTime To, bool IsCurrent)>(
            "SELECT district_name, CAST(valid_from AS TIMESTAMP), CAST(valid_to AS TIMESTAMP), is_current FROM core.dim_district WHERE district_code = 'E07000112' ORDER BY valid_from");
        Assert.Equal(["Shepway", "Folkestone and Hythe"], versions.Select(v => v.Name));
        Assert.Equal(new DateTime(2018, 4, 1), versions[0].To);
        Assert.Equal(versions[0].To, versions[1].From);
        Assert.Equal([false, true], versions.Select(v => v.IsCurrent));
        Assert.Equal(["Folkestone and Hythe"], sample.Warehouse.Query<string>(
            "SELECT DISTINCT district_name FROM marts.crime_by_district_month WHERE district_code = 'E07000112'"));
    }

    [Fact]
    public void Kent_districts_roll_up_to_their_partnerships_and_force_area()
    {
        var rows = sample.Warehouse.Query<(string District, string Partnership, string ForceArea)>(
            "SELECT district_code, partnership_code, force_area_code FROM core.dim_district WHERE is_current AND force_area_code = 'E23000032' ORDER BY 1");
        Assert.Equal(13, rows.Count);
        Assert.Equal("E22000352", rows.Single(r => r.District == "E07000107").Partnership); // Dartford
        Assert.Equal("E22000352", rows.Single(r => r.District == "E07000109").Partnership); // Gravesham shares it
    }

    [Fact]
    public void Every_published_outcome_wording_in_the_sample_is_mapped_and_positive_ones_are_flagged()
    {
        Assert.Equal(0, sample.Warehouse.Scalar<long>("SELECT count(*) FROM core.fct_crime_records WHERE last_outcome_key = 'unknown'"));
        var positive = sample.Warehouse.Query<string>("SELECT outcome_wording FROM core.dim_outcome WHERE is_positive ORDER BY 1");
        Assert.Contains("Offender given a caution", positive);
        Assert.Contains("Local resolution", positive);
        Assert.Contains("Suspect charged", positive);
        Assert.DoesNotContain("Investigation complete; no suspect identified", positive);
        Assert.DoesNotContain("Unable to prosecute suspect", positive);
    }

    [Fact]
    public void Population_estimates_of_every_district_and_year_come_from_the_ONS_series_as_published()
    {
        // The 2023 codes are those of the December 2024 lookup, which the warehouse keeps even where the code history
        // already names a successor (Barnsley E08000016 and Sheffield E08000019)
        var published = IndependentData.ReadCsv(Path.Combine(RepositoryPaths.Population, "DERIVED_ons_mye_mid2021_to_mid2024_by_lad23.csv"))
            .SelectMany(row => Enumerable.Range(2021, 4).Select(year => (row.Row["LAD23CD"], year, long.Parse(row.Row[$"pop_mid{year}"]))))
            .Order().ToList();
        var inMart = sample.Warehouse.Query<(string District, int Year, long Population)>(
            "SELECT district_code, estimate_year, population FROM marts.population_by_district_year ORDER BY 1, 2");

        Assert.Equal(318 * 4, published.Count);
        Assert.Equal(published, inMart);
    }

    [Fact]
    public void Every_dimension_of_the_national_geography_has_an_unknown_member_and_every_force_area()
    {
        Assert.Equal(1, sample.Warehouse.Scalar<long>("SELECT count(*) FROM core.dim_partnership WHERE partnership_code = 'UNKNOWN'"));
        Assert.Equal(314, sample.Warehouse.Scalar<long>("SELECT count(*) FROM core.dim_partnership WHERE partnership_code <> 'UNKNOWN'"));
        Assert.Equal(43, sample.Warehouse.Scalar<long>("SELECT count(*) FROM core.dim_force_area WHERE force_area_code <> 'UNKNOWN' AND districts > 0"));
    }
}
