using System.Security.Cryptography;
using System.Text;
using Analytics.Etl.Loading;
using Analytics.Tests.Support;

namespace Analytics.Tests.Etl;

/// <summary>
/// The mart against counts made here, independently, from the raw CSV lines of the bundled sample: the
/// same files, split by hand, located with the ONS lookups read by hand.
/// </summary>
[Collection(SampleWarehouseCollection.Name)]
public sealed class SampleReconciliationTests(SampleWarehouseFixture sample)
{
    private static readonly Dictionary<string, string> ForceAreaCodes = new()
    {
        ["Kent Police"] = "E23000032", ["Surrey Police"] = "E23000031", ["City of London Police"] = "E23000034",
        ["Essex Police"] = "E23000028", ["Sussex Police"] = "E23000033",
    };

    private static readonly HashSet<string> PositiveWordings =
    [
        "Offender given a caution", "Local resolution", "Awaiting court outcome", "Court result unavailable",
        "Suspect charged as part of another case", "Suspect charged",
    ];

    [Fact]
    public void Every_district_month_and_crime_type_count_matches_the_raw_lines()
    {
        var expected = ExpectedIncidents();
        var actual = sample.Warehouse.Query<(string ForceCode, string DistrictCode, DateTime Month, string CrimeType, long Incidents)>(
                "SELECT force_code, district_code, CAST(month AS TIMESTAMP), crime_type, incidents FROM marts.crime_by_district_month")
            .ToDictionary(row => (row.ForceCode, row.DistrictCode, row.Month.ToString("yyyy-MM"), row.CrimeType), row => row.Incidents);

        Assert.True(expected.Count > 1500, $"the sample should give well over a thousand cells, got {expected.Count}");
        var missing = expected.Keys.Except(actual.Keys).Take(5).ToList();
        var extra = actual.Keys.Except(expected.Keys).Take(5).ToList();
        Assert.True(missing.Count == 0, "cells missing from the mart: " + string.Join(", ", missing));
        Assert.True(extra.Count == 0, "cells in the mart but not in the files: " + string.Join(", ", extra));
        var wrong = expected.Where(cell => actual[cell.Key] != cell.Value).Take(5)
            .Select(cell => $"{cell.Key}: expected {cell.Value}, mart has {actual[cell.Key]}").ToList();
        Assert.True(wrong.Count == 0, string.Join("; ", wrong));
    }

    [Fact]
    public void Anti_social_behaviour_rows_are_never_deduplicated()
    {
        var kentAsbRows = PoliceCsv.KentStreetFiles().Sum(file => file.Lines.Skip(1).Count(line => line.Split(',')[9] == "Anti-social behaviour"));
        var distinctKentAsbRows = PoliceCsv.KentStreetFiles().Sum(file => file.Lines.Skip(1).Where(line => line.Split(',')[9] == "Anti-social behaviour").Distinct().Count());
        var inMart = sample.Warehouse.Scalar<long>(
            "SELECT CAST(sum(incidents) AS BIGINT) FROM marts.crime_by_district_month WHERE force_code = 'E23000032' AND crime_type = 'Anti-social behaviour'");

        Assert.Equal(kentAsbRows, inMart);
        Assert.True(distinctKentAsbRows < kentAsbRows, "the sample holds identical ASB rows, which must all count");
    }

    [Fact]
    public void A_crime_whose_row_appears_twice_is_counted_once_and_the_repeat_is_set_aside_naming_the_row_kept()
    {
        var lines = PoliceCsv.KentLines("2025-05/2025-05-kent-street.csv");
        var repeatedId = lines.Skip(1).Select(line => line.Split(',')[0]).Where(id => id.Length > 0)
            .GroupBy(id => id).Single(group => group.Count() > 1).Key;
        var repeats = lines.Select((line, index) => (Line: line, Number: (long)index + 1))
            .Where(row => row.Line.StartsWith(repeatedId, StringComparison.Ordinal)).ToList();
        // The two rows differ only in the street, not in LSOA, month or outcome: the rule's last step, the rows'
        // content (the smaller SHA-256 of the text), decides, so the choice never depends on which line comes first.
        var kept = repeats.MinBy(row => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(row.Line))), StringComparer.Ordinal);
        var setAside = repeats.Single(row => row != kept);

        Assert.StartsWith("8583bcad", repeatedId);
        Assert.Equal(1, sample.Warehouse.Scalar<long>("SELECT count(*) FROM core.fct_crime_records WHERE crime_id = $id", new { id = repeatedId }));
        Assert.Equal(kept.Number, sample.Warehouse.Scalar<long>("SELECT source_line_number FROM core.fct_crime_records WHERE crime_id = $id", new { id = repeatedId }));
        Assert.Equal(0, sample.Warehouse.Scalar<long>("SELECT count(*) FROM meta.rejects WHERE raw_text LIKE $prefix", new { prefix = repeatedId + "%" }));
        var aside = sample.Warehouse.Query<(string Path, long Line, string Reason, string RawText)>(
            "SELECT source_path, source_line_number, reason, raw_text FROM marts.crime_records_set_aside WHERE crime_id = $id", new { id = repeatedId }).Single();
        Assert.EndsWith("2025-05/2025-05-kent-street.csv", aside.Path, StringComparison.Ordinal);
        Assert.Equal((setAside.Number, setAside.Line), (aside.Line, aside.RawText));
        Assert.Contains($"is counted once: kept {aside.Path} line {kept.Number}, the first by content", aside.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Positive_outcomes_match_the_published_wordings_for_Kent()
    {
        var outcomeEventsPositive = PoliceCsv.KentLines("2025-01/2025-01-kent-outcomes.csv").Skip(1)
            .Select(line => line.Split(','))
            .Where(fields => PositiveWordings.Contains(fields[9]))
            .Select(fields => fields[0]).ToHashSet();
        var expected = 0L;
        foreach (var (_, lines) in PoliceCsv.KentStreetFiles())
            expected += lines.Skip(1).Select(line => line.Split(','))
                .Where(fields => fields[0].Length > 0)
                .DistinctBy(fields => fields[0])
                .Count(fields => PositiveWordings.Contains(fields[10]) || outcomeEventsPositive.Contains(fields[0]));

        var inMart = sample.Warehouse.Scalar<long>("SELECT CAST(sum(positive_outcomes) AS BIGINT) FROM marts.crime_by_district_month WHERE force_code = 'E23000032'");
        Assert.Equal(expected, inMart);
    }

    [Fact]
    public void Rows_read_equal_rows_loaded_plus_rows_rejected_for_every_file_and_the_run()
    {
        var files = sample.Warehouse.Query<(string Path, long Read, long Loaded, long Rejected)>(
            "SELECT source_path, rows_read, rows_loaded, rows_rejected FROM meta.source_files");
        Assert.All(files, file => Assert.Equal(file.Read, file.Loaded + file.Rejected));
        var run = sample.Warehouse.Query<(long Read, long Loaded, long Rejected)>(
            "SELECT rows_read, rows_loaded, rows_rejected FROM meta.load_runs").Single();
        Assert.Equal(run.Read, run.Loaded + run.Rejected);
        Assert.Equal(files.Sum(file => file.Read), run.Read);
        Assert.Equal(sample.Result.RowsRejected, sample.Warehouse.Scalar<long>("SELECT count(*) FROM meta.rejects"));
    }

    [Fact]
    public void Every_sample_file_is_loaded_and_stop_and_search_or_other_files_are_only_passed_over()
    {
        var loaded = sample.Result.Files.Where(file => file.Outcome == FileOutcome.Loaded).Select(file => file.Kind).ToList();
        Assert.Equal(PoliceCsv.SampleStreetFiles().Count(), loaded.Count(kind => kind == "police_street"));
        Assert.Equal(1, loaded.Count(kind => kind == "police_outcomes"));
        Assert.Equal(1, loaded.Count(kind => kind == "ons_population_series"));
        Assert.Equal(1, loaded.Count(kind => kind == "ons_lsoa_lookup"));
        Assert.Equal(1, loaded.Count(kind => kind == "ons_lsoa_changes"));
        Assert.Equal(1, loaded.Count(kind => kind == "ons_lsoa_population"));
        Assert.Equal(1, loaded.Count(kind => kind == "ons_nearest_neighbours"));
        Assert.All(sample.Result.Files.Where(file => file.Outcome == FileOutcome.Skipped),
            file => Assert.False(file.SourcePath.EndsWith(".csv", StringComparison.Ordinal), file.SourcePath));
    }

    /// <summary>Incidents per force area, district, month and crime type, counted here from the raw lines.</summary>
    private static Dictionary<(string, string, string, string), long> ExpectedIncidents() =>
        IndependentData.CountedRecords()
            .GroupBy(record => (ForceAreaCodes[record.Force], record.District, record.Month, record.CrimeType))
            .ToDictionary(cell => cell.Key, cell => (long)cell.Count());
}
