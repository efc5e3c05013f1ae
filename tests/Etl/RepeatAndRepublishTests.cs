using System.Security.Cryptography;
using Analytics.Etl.Loading;
using Analytics.Etl.Pipeline;
using Analytics.Tests.Support;

namespace Analytics.Tests.Etl;

/// <summary>Loads are safe to repeat and to correct: same files change nothing, republished months replace, new months add.</summary>
public sealed class RepeatAndRepublishTests : IDisposable
{
    private readonly TemporaryWarehouse warehouse = new();

    [Fact]
    public void Running_the_same_files_again_changes_nothing()
    {
        var sources = new[] { RepositoryPaths.Geography, Path.Combine(RepositoryPaths.Sample, "police", "2025-01") };
        var first = warehouse.Run(sources);
        var pointerBefore = File.ReadAllText(warehouse.Directory.PointerPath);
        var martBefore = MartCells();

        var second = warehouse.Run(sources);

        Assert.Equal(ExitCode.Success, first.ExitCode);
        Assert.Equal(ExitCode.Success, second.ExitCode);
        Assert.Equal("unchanged", second.Status);
        Assert.All(second.Files.Where(file => file.SourcePath.EndsWith(".csv", StringComparison.Ordinal)),
            file => Assert.Equal(FileOutcome.Unchanged, file.Outcome));
        Assert.Equal(pointerBefore, File.ReadAllText(warehouse.Directory.PointerPath));
        Assert.Equal(martBefore, MartCells());
        Assert.Single(Directory.GetFiles(warehouse.Directory.SnapshotsDirectory));
    }

    [Fact]
    public void A_republished_month_replaces_the_earlier_version_with_no_duplicates()
    {
        var inputs = warehouse.Inputs;
        var original = PoliceCsv.Write(Path.Combine(inputs, "first", "2025-01"), "2025-01-kent-street.csv",
            PoliceCsv.StreetHeader, PoliceCsv.Crime("a1"), PoliceCsv.Crime("a2"), PoliceCsv.Crime("a3", type: "Drugs"), PoliceCsv.Asb());
        var february = PoliceCsv.Write(Path.Combine(inputs, "first", "2025-02"), "2025-02-kent-street.csv",
            PoliceCsv.StreetHeader, PoliceCsv.Crime("b1", month: "2025-02"));
        Assert.Equal(ExitCode.Success, warehouse.Run([.. RepositoryPaths.KentGeography, Path.Combine(inputs, "first")]).ExitCode);

        // data.police.uk republishes January: one crime dropped, one outcome updated to a charge, one crime added.
        PoliceCsv.Write(Path.Combine(inputs, "second", "2025-01"), "2025-01-kent-street.csv",
            PoliceCsv.StreetHeader, PoliceCsv.Crime("a1", outcome: "Awaiting court outcome"), PoliceCsv.Crime("a3", type: "Drugs"),
            PoliceCsv.Crime("a4"), PoliceCsv.Asb());
        var rerun = warehouse.Run(Path.Combine(inputs, "second"));

        Assert.Equal(ExitCode.Success, rerun.ExitCode);
        var january = Cells("2025-01-01");
        Assert.Equal(2, january[("E07000105", "Burglary")].Incidents);
        Assert.Equal(1, january[("E07000105", "Burglary")].Positive);
        Assert.Equal(1, january[("E07000105", "Drugs")].Incidents);
        Assert.Equal(1, january[("E07000105", "Anti-social behaviour")].Incidents);
        Assert.Equal(1, Cells("2025-02-01")[("E07000105", "Burglary")].Incidents);
        Assert.Equal(0, warehouse.Scalar<long>("SELECT count(*) FROM core.fct_crime_records WHERE crime_id = 'a2'"));
        var statuses = warehouse.Query<(string Status, string Path)>(
            "SELECT status, source_path FROM meta.source_files WHERE source_kind = 'police_street' AND period = '2025-01' ORDER BY file_id");
        Assert.Equal(["superseded", "loaded"], statuses.Select(file => file.Status));
        Assert.True(File.Exists(february));
        Assert.True(File.Exists(original));
    }

    [Fact]
    public void New_months_add_to_what_is_there()
    {
        var inputs = warehouse.Inputs;
        var january = PoliceCsv.Write(inputs, "2025-01-kent-street.csv", PoliceCsv.StreetHeader, PoliceCsv.Crime("j1"), PoliceCsv.Crime("j2"));
        warehouse.Run([.. RepositoryPaths.KentGeography, january]);
        var february = PoliceCsv.Write(inputs, "2025-02-kent-street.csv", PoliceCsv.StreetHeader, PoliceCsv.Crime("f1", month: "2025-02"));
        var run = warehouse.Run(february);

        Assert.Equal(ExitCode.Success, run.ExitCode);
        Assert.Equal(2, Cells("2025-01-01")[("E07000105", "Burglary")].Incidents);
        Assert.Equal(1, Cells("2025-02-01")[("E07000105", "Burglary")].Incidents);
    }

    [Fact]
    public void Old_snapshots_are_pruned_keeping_the_configured_number_and_the_published_one()
    {
        var inputs = warehouse.Inputs;
        warehouse.Run(o => o with { SnapshotsToKeep = 2 }, RepositoryPaths.Population);
        for (var month = 1; month <= 3; month++)
            warehouse.Run(o => o with { SnapshotsToKeep = 2 },
                PoliceCsv.Write(inputs, $"2025-0{month}-kent-street.csv", PoliceCsv.StreetHeader, PoliceCsv.Crime($"m{month}", month: $"2025-0{month}")));

        var snapshots = Directory.GetFiles(warehouse.Directory.SnapshotsDirectory, "*.duckdb");
        Assert.Equal(2, snapshots.Length);
        Assert.Contains(warehouse.Published.Path, snapshots);
        Assert.Equal(4, new Analytics.Warehouse.Storage.RunJournal(warehouse.Directory).Recent(10).Count);
    }

    [Fact]
    public void A_snapshot_that_cannot_be_deleted_is_left_for_the_next_prune_and_the_publish_goes_ahead()
    {
        var inputs = warehouse.Inputs;
        var first = warehouse.Run(o => o with { SnapshotsToKeep = 1 }, RepositoryPaths.Population).Published!;
        // Windows refuses to delete a file a reader has open; here a folder where its write-ahead log would be is in the way.
        var obstacle = Directory.CreateDirectory(Path.Combine(first.Path + ".wal", "in-use")).Parent!;

        var second = warehouse.Run(o => o with { SnapshotsToKeep = 1 },
            PoliceCsv.Write(inputs, "2025-01-kent-street.csv", PoliceCsv.StreetHeader, PoliceCsv.Crime("a1")));

        Assert.Equal(ExitCode.Success, second.ExitCode);
        Assert.Equal(second.Published?.RunId, warehouse.Published.RunId);
        Assert.True(File.Exists(first.Path));

        obstacle.Delete(recursive: true);
        var third = warehouse.Run(o => o with { SnapshotsToKeep = 1 },
            PoliceCsv.Write(inputs, "2025-02-kent-street.csv", PoliceCsv.StreetHeader, PoliceCsv.Crime("b1", month: "2025-02")));

        Assert.Equal(ExitCode.Success, third.ExitCode);
        Assert.Equal([warehouse.Published.Path], Directory.GetFiles(warehouse.Directory.SnapshotsDirectory, "*.duckdb*"));
    }

    [Fact]
    public void A_failed_run_leaves_the_published_snapshot_byte_for_byte_as_it_was()
    {
        Assert.Equal(ExitCode.Success, warehouse.Run(RepositoryPaths.Population).ExitCode);
        var pointer = File.ReadAllText(warehouse.Directory.PointerPath);
        var checksum = Sha256(warehouse.Published.Path);

        var broken = PoliceCsv.Write(warehouse.Inputs, "2025-01-kent-street.csv", "Crime ID,Month,Falls within", "x,2025-01,Kent Police");
        var good = PoliceCsv.Write(warehouse.Inputs, "2025-02-kent-street.csv", PoliceCsv.StreetHeader, PoliceCsv.Crime("ok", month: "2025-02"));
        var run = warehouse.Run(good, broken);

        Assert.Equal(ExitCode.SourceUnreadable, run.ExitCode);
        Assert.Contains(run.Errors, error => error.Contains("2025-01-kent-street.csv") && error.Contains("header"));
        Assert.Equal(pointer, File.ReadAllText(warehouse.Directory.PointerPath));
        Assert.Equal(checksum, Sha256(warehouse.Published.Path));
        Assert.Empty(Directory.GetDirectories(warehouse.Directory.WorkDirectory));
        var journal = new Analytics.Warehouse.Storage.RunJournal(warehouse.Directory).Recent(1).Single();
        Assert.Equal("failed", journal.Status);
    }

    [Fact]
    public void Two_runs_on_one_warehouse_never_overlap()
    {
        using var held = WarehouseLock.TryAcquire(warehouse.Directory);
        Assert.NotNull(held);

        var run = warehouse.Run(RepositoryPaths.Population);

        Assert.Equal(ExitCode.Busy, run.ExitCode);
        Assert.Null(warehouse.Directory.ReadPublished());
    }

    internal static string Sha256(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexString(SHA256.HashData(stream));
    }

    private Dictionary<(string District, string CrimeType), (long Incidents, long Positive)> Cells(string month) =>
        warehouse.Query<(string District, string CrimeType, long Incidents, long Positive)>(
                "SELECT district_code, crime_type, incidents, positive_outcomes FROM marts.crime_by_district_month WHERE month = CAST($month AS DATE)",
                new { month })
            .ToDictionary(row => (row.District, row.CrimeType), row => (row.Incidents, row.Positive));

    private string MartCells() => string.Join("\n", warehouse.Query<string>(
        "SELECT concat_ws('|', force_code, district_code, month, crime_type, incidents, positive_outcomes) FROM marts.crime_by_district_month ORDER BY ALL"));

    public void Dispose() => warehouse.Dispose();
}
