using Analytics.Etl.Pipeline;
using Analytics.Tests.Support;

namespace Analytics.Tests.Etl;

/// <summary>
/// A force's Crime ID published on more than one row counts once, from the row the stated rule picks (the located
/// row, then the more final outcome, then the later month, then the newer file), whatever the order of files and
/// lines; the other rows load and are set aside naming the row kept, and the run publishes.
/// </summary>
public sealed class CrimeCountedOnceTests : IDisposable
{
    private const string Canterbury018A = "E01024042"; // in Canterbury (E07000106); PoliceCsv's default is in Ashford (E07000105)
    private readonly List<TemporaryWarehouse> warehouses = [];
    private static string KentLookup => RepositoryPaths.KentGeography[0];

    [Fact]
    public void The_real_Essex_pair_keeps_the_located_row_whichever_line_comes_first()
    {
        var essex = PoliceCsv.ArchiveLines(Path.Combine(RepositoryPaths.Sample, "police", "essex-2025-01-to-2025-12.zip"), "2025-02/2025-02-essex-street.csv");
        var pair = essex.Where(line => line.StartsWith("b7558477", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, pair.Count);
        var located = pair.Single(line => line.Split(',')[7] == "E01021254");
        var noLocation = pair.Single(line => line.Split(',')[6] == "No Location");
        Assert.Contains(",Basildon 009A,Violence and sexual offences,Status update unavailable,", located, StringComparison.Ordinal);
        Assert.EndsWith(",Offender given a caution,", noLocation, StringComparison.Ordinal);
        var crimeId = located.Split(',')[0];

        var outcomes = new List<(string Counted, string SetAside)>();
        foreach (string[] rows in new[] { new[] { located, noLocation }, [noLocation, located] })
        {
            var warehouse = NewWarehouse();
            var file = PoliceCsv.Write(Path.Combine(warehouse.Inputs, "2025-02"), "2025-02-essex-street.csv", [PoliceCsv.StreetHeader, .. rows]);

            var run = warehouse.Run(RepositoryPaths.Geography, file);

            Assert.True(run.ExitCode == ExitCode.Success, TemporaryWarehouse.Explain(run));
            Assert.Equal(0, warehouse.Scalar<long>("SELECT count(*) FROM meta.rejects"));
            var counted = warehouse.Query<(string Lsoa, string Outcome, long Line)>(
                "SELECT published_lsoa_code, last_outcome_key, source_line_number FROM core.fct_crime_records WHERE crime_id = $crimeId", new { crimeId }).Single();
            var keptLine = Array.IndexOf(rows, located) + 2;
            Assert.Equal(("E01021254", "status-update-unavailable", (long)keptLine), counted);
            var aside = warehouse.Query<(long Line, string RawText, string Reason)>(
                "SELECT source_line_number, raw_text, reason FROM marts.crime_records_set_aside").Single();
            Assert.Equal(noLocation, aside.RawText);
            var path = warehouse.Scalar<string>("SELECT source_path FROM meta.source_files WHERE source_kind = 'police_street'");
            Assert.StartsWith($"Crime ID {crimeId} is counted once: kept {path} line {keptLine}, the located row", aside.Reason, StringComparison.Ordinal);
            outcomes.Add((warehouse.Scalar<string>("SELECT published_text FROM intermediate.int_street_records_ranked WHERE is_counted"), aside.RawText));
        }
        Assert.Equal(outcomes[0], outcomes[1]);
        Assert.Equal((located, noLocation), outcomes[0]);
    }

    [Theory]
    [InlineData("both months in one run")]
    [InlineData("January, then February in a later run")]
    [InlineData("February, then January in a later run")]
    public void A_crime_repeated_in_a_later_month_publishes_and_counts_once_in_the_later_month(string order)
    {
        var warehouse = NewWarehouse();
        var januaryRow = PoliceCsv.Crime("moved", outcome: "Under investigation");
        var january = PoliceCsv.Write(Path.Combine(warehouse.Inputs, "2025-01"), "2025-01-kent-street.csv",
            PoliceCsv.StreetHeader, januaryRow, PoliceCsv.Crime("j1"), PoliceCsv.Asb(), PoliceCsv.Asb());
        var february = PoliceCsv.Write(Path.Combine(warehouse.Inputs, "2025-02"), "2025-02-kent-street.csv",
            PoliceCsv.StreetHeader, PoliceCsv.Crime("f1", month: "2025-02"),
            PoliceCsv.Crime("moved", month: "2025-02", outcome: "Under investigation", lsoa: Canterbury018A),
            PoliceCsv.Asb("2025-02"), PoliceCsv.Asb("2025-02"));
        string[][] runs = order switch
        {
            "both months in one run" => [[KentLookup, january, february]],
            "January, then February in a later run" => [[KentLookup, january], [february]],
            _ => [[KentLookup, february], [january]],
        };

        foreach (var sources in runs)
        {
            var run = warehouse.Run(sources);
            Assert.True(run.ExitCode == ExitCode.Success, $"{order}: {TemporaryWarehouse.Explain(run)}");
        }

        Assert.Equal(0, warehouse.Scalar<long>("SELECT count(*) FROM meta.rejects"));
        Assert.Equal(new Dictionary<(string, string, string), long>
        {
            [("E07000105", "2025-01", "Burglary")] = 1, // j1
            [("E07000105", "2025-01", "Anti-social behaviour")] = 2, // identical rows, two incidents
            [("E07000105", "2025-02", "Burglary")] = 1, // f1
            [("E07000106", "2025-02", "Burglary")] = 1, // moved, counted where February places it
            [("E07000105", "2025-02", "Anti-social behaviour")] = 2,
        }, MartCells(warehouse));
        var aside = warehouse.Query<(string CrimeId, long Line, string RawText, string Reason)>(
            "SELECT crime_id, source_line_number, raw_text, reason FROM marts.crime_records_set_aside").Single();
        Assert.Equal(("moved", 2L, januaryRow), (aside.CrimeId, aside.Line, aside.RawText));
        var februaryPath = warehouse.Scalar<string>("SELECT source_path FROM meta.source_files WHERE period = '2025-02'");
        Assert.StartsWith($"Crime ID moved is counted once: kept {februaryPath} line 3, the later month (2025-02 over 2025-01)", aside.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_more_final_outcome_outranks_a_later_month_and_a_located_row_outranks_both()
    {
        var warehouse = NewWarehouse();
        var january = PoliceCsv.Write(Path.Combine(warehouse.Inputs, "2025-01"), "2025-01-kent-street.csv", PoliceCsv.StreetHeader,
            PoliceCsv.Crime("settled", outcome: "Offender given a caution"),
            PoliceCsv.Crime("found", outcome: "Under investigation"));
        var february = PoliceCsv.Write(Path.Combine(warehouse.Inputs, "2025-02"), "2025-02-kent-street.csv", PoliceCsv.StreetHeader,
            PoliceCsv.Crime("settled", month: "2025-02", outcome: "Status update unavailable", lsoa: Canterbury018A),
            "found,2025-02,Kent Police,Kent Police,,,No Location,,,Burglary,Suspect charged,");

        var run = warehouse.Run(KentLookup, february, january);

        Assert.True(run.ExitCode == ExitCode.Success, TemporaryWarehouse.Explain(run));
        var counted = warehouse.Query<(string CrimeId, long Month)>(
            "SELECT crime_id, month_key FROM core.fct_crime_records ORDER BY crime_id").ToList();
        Assert.Equal([("found", 202501L), ("settled", 202501L)], counted);
        var reasons = warehouse.Query<(string CrimeId, string DecidedBy)>(
            "SELECT crime_id, decided_by FROM marts.crime_records_set_aside ORDER BY crime_id").ToList();
        Assert.Equal([("found", "the located row"),
                      ("settled", "the more final outcome (Offender given a caution over Status update unavailable)")], reasons);
    }

    [Fact]
    public void A_row_set_aside_keeps_its_text_as_published_with_quotes_where_a_field_needs_them()
    {
        var warehouse = NewWarehouse();
        var quoted = "q1,2025-01,Kent Police,Kent Police,,,\"No Location, \"\"near\"\" Ashford\",,,Burglary,Investigation complete; no suspect identified,";
        var file = PoliceCsv.Write(warehouse.Inputs, "2025-01-kent-street.csv", PoliceCsv.StreetHeader, quoted, PoliceCsv.Crime("q1"));

        var run = warehouse.Run(KentLookup, file);

        Assert.True(run.ExitCode == ExitCode.Success, TemporaryWarehouse.Explain(run));
        Assert.Equal((2L, quoted), warehouse.Query<(long, string)>("SELECT source_line_number, raw_text FROM marts.crime_records_set_aside").Single());
    }

    private static Dictionary<(string, string, string), long> MartCells(TemporaryWarehouse warehouse) =>
        warehouse.Query<(string District, string Month, string CrimeType, long Incidents)>(
                "SELECT district_code, strftime(month, '%Y-%m'), crime_type, incidents FROM marts.crime_by_district_month")
            .ToDictionary(cell => (cell.District, cell.Month, cell.CrimeType), cell => cell.Incidents);

    private TemporaryWarehouse NewWarehouse()
    {
        var warehouse = new TemporaryWarehouse();
        warehouses.Add(warehouse);
        return warehouse;
    }

    public void Dispose()
    {
        foreach (var warehouse in warehouses) warehouse.Dispose();
    }
}
