using Analytics.Etl.Pipeline;
using Analytics.Tests.Support;
using Analytics.Warehouse.Storage;

namespace Analytics.Tests.Etl;

/// <summary>
/// Where a copy writes every block (ext4), a publish keeps the snapshot it retires as a spare, and the next run makes
/// its working copy by rewriting the spare's differing blocks; elsewhere the snapshot is copied and no spare is kept.
/// </summary>
public sealed class SpareSnapshotTests : IDisposable
{
    private readonly TemporaryWarehouse warehouse = new();
    private int months;

    [Fact]
    public void The_snapshot_a_publish_retires_becomes_the_next_runs_working_copy()
    {
        var keepsSpare = SnapshotCopier.KeepsSpare(warehouse.Directory);
        PublishNextMonth();
        Assert.False(File.Exists(warehouse.Directory.SparePath)); // nothing retired yet

        var second = PublishNextMonth();
        Assert.DoesNotContain(second, message => message.Contains("spare", StringComparison.Ordinal)); // no spare yet: copied
        Assert.Equal(keepsSpare, File.Exists(warehouse.Directory.SparePath));

        var third = PublishNextMonth();
        Assert.Equal(keepsSpare, third.Any(message => message.Contains("by rewriting the spare's", StringComparison.Ordinal)));
        Assert.Equal(keepsSpare, File.Exists(warehouse.Directory.SparePath)); // the second snapshot, retired in its turn
        Assert.Single(Directory.GetFiles(warehouse.Directory.SnapshotsDirectory));
        Assert.Equal(["c1", "c2", "c3"], warehouse.Query<string>("SELECT crime_id FROM core.fct_crime_records ORDER BY crime_id"));
        Assert.Empty(Directory.GetDirectories(warehouse.Directory.WorkDirectory));
    }

    [Fact]
    public void A_run_with_nothing_new_keeps_the_spare_for_the_next_one()
    {
        var keepsSpare = SnapshotCopier.KeepsSpare(warehouse.Directory);
        PublishNextMonth();
        PublishNextMonth();
        var nothingNew = warehouse.Run(reporter: new RecordingReporter(), options => options, Path.Combine(warehouse.Inputs, "2025-02-kent-street.csv"));
        Assert.Equal(RunStatus.Unchanged, nothingNew.Status);
        Assert.Equal(keepsSpare, File.Exists(warehouse.Directory.SparePath));

        var third = PublishNextMonth();
        Assert.Equal(keepsSpare, third.Any(message => message.Contains("by rewriting the spare's", StringComparison.Ordinal)));
    }

    [Fact]
    public void A_spare_under_half_the_snapshots_size_is_not_used_and_the_snapshot_is_copied()
    {
        PublishNextMonth();
        PublishNextMonth();
        if (File.Exists(warehouse.Directory.SparePath)) File.WriteAllBytes(warehouse.Directory.SparePath, new byte[4096]);

        var third = PublishNextMonth();

        Assert.DoesNotContain(third, message => message.Contains("spare", StringComparison.Ordinal));
        Assert.Contains(third, message => message.StartsWith("snapshot copied in", StringComparison.Ordinal));
        Assert.Equal(["c1", "c2", "c3"], warehouse.Query<string>("SELECT crime_id FROM core.fct_crime_records ORDER BY crime_id"));
    }

    /// <summary>One more month of one Kent crime, published keeping one snapshot; returns the run's progress messages.</summary>
    private List<string> PublishNextMonth()
    {
        months++;
        var month = $"2025-{months:00}";
        var file = PoliceCsv.Write(warehouse.Inputs, $"{month}-kent-street.csv", PoliceCsv.StreetHeader, PoliceCsv.Crime($"c{months}", month: month));
        var reporter = new RecordingReporter();
        var run = warehouse.Run(reporter, options => options with { SnapshotsToKeep = 1 }, months == 1 ? [.. RepositoryPaths.KentGeography, file] : [file]);
        Assert.True(run.ExitCode == ExitCode.Success, TemporaryWarehouse.Explain(run));
        return reporter.Messages;
    }

    public void Dispose() => warehouse.Dispose();
}
