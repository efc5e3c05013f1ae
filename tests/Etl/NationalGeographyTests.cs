using Analytics.Tests.Support;

namespace Analytics.Tests.Etl;

/// <summary>
/// Forces other than Kent land in their districts through the national ONS lookups: every record with an LSOA code
/// the lookups know is in a district, only records with no location are not. Counts are made here from the raw lines.
/// </summary>
[Collection(SampleWarehouseCollection.Name)]
public sealed class NationalGeographyTests(SampleWarehouseFixture sample)
{
    [Theory]
    [InlineData("Essex Police", "E23000028")]
    [InlineData("Sussex Police", "E23000033")]
    [InlineData("Kent Police", "E23000032")]
    public void Every_record_with_an_LSOA_code_lands_in_its_district_and_only_records_with_no_location_are_unknown(string force, string forceArea)
    {
        var records = IndependentData.CountedRecords().Where(record => record.Force == force).ToList();
        var byDistrict = records.GroupBy(record => record.District).ToDictionary(group => group.Key, group => (long)group.Count());
        var inMart = sample.Warehouse.Query<(string District, long Incidents)>("""
                SELECT district_code, CAST(sum(incidents) AS BIGINT) FROM marts.crime_by_district_month
                WHERE force_code = $force_area GROUP BY district_code
                """, new { force_area = forceArea })
            .ToDictionary(row => row.District, row => row.Incidents);

        Assert.True(records.Count > 50_000, $"{force} has a year of data in the sample");
        Assert.DoesNotContain(records, record => record.Lsoa.Length > 0 && record.District == "UNKNOWN");
        Assert.Equal(records.Count(record => record.Lsoa.Length == 0), inMart.GetValueOrDefault("UNKNOWN"));
        Assert.Equal(byDistrict, inMart);
    }

    [Fact]
    public void A_force_areas_figures_count_all_its_records_and_its_districts_and_partnerships_only_those_located_in_it()
    {
        var essex = IndependentData.CountedRecords().Where(record => record.Force == "Essex Police"
            && string.CompareOrdinal(record.Month, "2025-04") >= 0 && string.CompareOrdinal(record.Month, "2026-03") <= 0).ToList();
        var essexDistricts = sample.Warehouse.Query<string>(
            "SELECT DISTINCT area_code FROM marts.crime_rates_by_area_year WHERE area_type = 'district' AND force_area_code = 'E23000028'").ToHashSet();
        var areas = sample.Warehouse.Query<(string AreaType, long Incidents)>("""
            SELECT area_type, CAST(sum(incidents) AS BIGINT) FROM marts.crime_rates_by_area_year
            WHERE force_area_code = 'E23000028' AND financial_year = '2025/26' AND crime_type <> 'All recorded crime'
            GROUP BY area_type
            """).ToDictionary(row => row.AreaType, row => row.Incidents);

        Assert.Equal(14, essexDistricts.Count);
        Assert.Equal(essex.Count, areas["force_area"]);
        Assert.Equal(essex.Count(record => essexDistricts.Contains(record.District)), areas["district"]);
        Assert.Equal(areas["district"], areas["partnership"]);
        Assert.True(areas["district"] < areas["force_area"], "records with no location or outside Essex count for the force area only");
    }

    [Fact]
    public void Rates_per_1000_use_the_estimate_for_the_year_the_financial_year_starts_in_scaled_to_a_full_year()
    {
        var population = IndependentData.Population(2024);
        var row = sample.Warehouse.Query<(long Incidents, long Months, long Population, double Rate, double Low, double High)>("""
            SELECT incidents, months_covered, population, incidents_per_1000, incidents_per_1000_ci_low, incidents_per_1000_ci_high
            FROM marts.crime_rates_by_area_year
            WHERE area_type = 'district' AND area_code = 'E06000033' AND financial_year = '2025/26' AND crime_type = 'All recorded crime'
            """).Single(); // Southend-on-Sea, Essex

        Assert.Equal(population["E06000033"], row.Population);
        Assert.Equal(9, row.Months);
        Assert.Equal(Math.Round(1000.0 * row.Incidents * 12 / 9 / row.Population, 2), row.Rate, 2);
        Assert.InRange(row.Rate, row.Low, row.High);
    }

    [Fact]
    public void Each_district_has_its_first_ten_ONS_nearest_neighbours_and_knows_which_have_data()
    {
        var neighbours = IndependentData.ReadCsv(Path.Combine(RepositoryPaths.Sample, "peers", "DERIVED_ons_lad_nearest_neighbours_top20_england_oct2025.csv"))
            .Where(row => row.Row["level"] == "LTLA" && row.Row["area_code"] == "E07000110" && int.Parse(row.Row["rank"]) <= 10)
            .Select(row => row.Row["neighbour_code"]).ToList();
        var peers = sample.Warehouse.Query<(string Code, bool HasData)>(
            "SELECT peer_code, has_crime_data FROM marts.peer_groups WHERE area_type = 'district' AND area_code = 'E07000110' ORDER BY peer_rank");
        var forceAreaOf = IndependentData.ReadCsv(Path.Combine(RepositoryPaths.Geography, "DERIVED_ons_LAD24_CSP24_PFA24_lookup_EW.csv"))
            .Select(row => row.Row).DistinctBy(row => row["LAD24CD"]).ToDictionary(row => row["LAD24CD"], row => row["PFA24NM"]);
        // a district has data when its own force's records are loaded: the force's name starts with its area's name
        var loadedDistricts = IndependentData.CountedRecords()
            .Where(record => forceAreaOf.TryGetValue(record.District, out var area) && record.Force.StartsWith(area.Replace("London, City of", "City of London"), StringComparison.Ordinal))
            .Select(record => record.District).ToHashSet();

        Assert.Equal(neighbours, peers.Select(peer => peer.Code));
        Assert.All(peers, peer => Assert.Equal(loadedDistricts.Contains(peer.Code), peer.HasData));
    }
}
