using Analytics.Etl.Pipeline;
using Analytics.Tests.Support;

namespace Analytics.Tests.Etl;

/// <summary>
/// Districts merged in April 2023 (Cumberland, Westmorland and Furness) and earlier (Bournemouth, Christchurch and
/// Poole) keep partnerships that follow the districts before the merger: their records go to the partnership of the
/// pre-merger district their LSOA lay in, their residents in proportion to those LSOAs' residents. Real LSOAs, picked
/// here from the ONS exact-fit lookup by their 2011 names; a 2011 LSOA code lands in today's district too.
/// </summary>
public sealed class SplitDistrictTests : IDisposable
{
    private readonly TemporaryWarehouse warehouse = new();
    private static readonly List<Dictionary<string, string>> ExactFit =
        IndependentData.ReadCsv(Path.Combine(RepositoryPaths.Geography, "ons_LSOA11_LSOA21_LAD22_exact_fit_lookup_EW.csv")).Select(row => row.Row).ToList();

    public void Dispose() => warehouse.Dispose();

    private static string Lsoa21In(string predecessor) =>
        ExactFit.First(row => row["LSOA11NM"].StartsWith(predecessor + " 0", StringComparison.Ordinal) && row["CHGIND"] == "U")["LSOA21CD"];

    private static string Street(string id, string force, string lsoa) =>
        $"{id},2025-06,{force},{force},-3.0,54.6,On or near Main Street,{lsoa},,Burglary,Unable to prosecute suspect,";

    [Fact]
    public void Records_and_residents_of_a_split_district_go_to_the_partnership_of_the_district_before_the_merger()
    {
        // A 2011 LSOA of Carlisle that 2021 replaced: old files give such codes, and they still land today.
        var carlisle2011 = ExactFit.First(row => row["LSOA11NM"].StartsWith("Carlisle 0", StringComparison.Ordinal)
            && ExactFit.All(other => other["LSOA21CD"] != row["LSOA11CD"]))["LSOA11CD"];
        var inputs = warehouse.Inputs;
        PoliceCsv.Write(inputs, "2025-06-cumbria-street.csv", PoliceCsv.StreetHeader,
            Street("c1", "Cumbria Constabulary", Lsoa21In("Allerdale")), Street("c2", "Cumbria Constabulary", Lsoa21In("Allerdale")),
            Street("c3", "Cumbria Constabulary", carlisle2011), Street("c4", "Cumbria Constabulary", Lsoa21In("Eden")));
        PoliceCsv.Write(inputs, "2025-06-dorset-street.csv", PoliceCsv.StreetHeader,
            Street("d1", "Dorset Police", Lsoa21In("Christchurch")), Street("d2", "Dorset Police", Lsoa21In("Bournemouth")));

        var run = warehouse.Run(RepositoryPaths.Geography, RepositoryPaths.Population, inputs);

        Assert.True(run.ExitCode == ExitCode.Success, TemporaryWarehouse.Explain(run));
        var counts = warehouse.Query<(string Type, string Code, long Incidents)>(
                "SELECT area_type, area_code, CAST(sum(incidents) AS BIGINT) FROM marts.crime_by_area_month GROUP BY ALL")
            .ToDictionary(row => (row.Type, row.Code), row => row.Incidents);
        Assert.Equal(3, counts[("district", "E06000063")]);        // Cumberland: two Allerdale LSOAs and the 2011 Carlisle one
        Assert.Equal(2, counts[("partnership", "E22000031")]);     // Allerdale
        Assert.Equal(1, counts[("partnership", "E22000033")]);     // Carlisle
        Assert.Equal(1, counts[("partnership", "E22000035")]);     // Eden, in Westmorland and Furness
        Assert.Equal(1, counts[("partnership", "E22000367")]);     // Dorset takes Christchurch
        Assert.Equal(1, counts[("partnership", "E22000063")]);     // Bournemouth

        var allerdale = warehouse.Query<(long Population, string Rule)>("""
            SELECT population, assignment_rule FROM marts.crime_rates_by_area_year
            WHERE area_type = 'partnership' AND area_code = 'E22000031' AND crime_type = 'All recorded crime'
            """).Single();
        Assert.Equal((long)Math.Round(IndependentData.Population(2024)["E06000063"] * ShareOf("Allerdale", ["Allerdale", "Carlisle", "Copeland"])), allerdale.Population);
        Assert.Contains("Cumberland: the part of the district that was Allerdale before the merger", allerdale.Rule);
    }

    /// <summary>A pre-merger district's share of its successor's residents, from the mid-2017 LSOA estimates read here.</summary>
    private static double ShareOf(string predecessor, string[] predecessors)
    {
        var residents = IndependentData.ReadCsv(Path.Combine(RepositoryPaths.Population, "DERIVED_ons_mye_mid2017_lsoa11_population.csv"))
            .ToDictionary(row => row.Row["LSOA11CD"], row => long.Parse(row.Row["mid2017_population"]));
        long Sum(string name) => ExactFit.Where(row => row["LSOA11NM"].StartsWith(name + " 0", StringComparison.Ordinal))
            .Select(row => row["LSOA11CD"]).Distinct().Sum(code => residents[code]);
        return (double)Sum(predecessor) / predecessors.Sum(Sum);
    }
}
