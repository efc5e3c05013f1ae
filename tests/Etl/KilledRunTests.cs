using Analytics.Etl.Pipeline;
using Analytics.Tests.Support;

namespace Analytics.Tests.Etl;

/// <summary>
/// The ETL process killed part way through a run (SIGKILL: no clean-up code runs) leaves the published
/// snapshot exactly as it was, and the next run completes with nothing duplicated and nothing lost.
/// </summary>
public sealed class KilledRunTests : IDisposable
{
    private readonly TemporaryWarehouse warehouse = new();

    [Theory]
    [InlineData("files found")]        // reading and loading the archive
    [InlineData("2025-04-kent-street")] // part way through the months
    [InlineData("building")]           // rebuilding the models
    [InlineData("running")]            // running the data tests
    public void A_run_killed_part_way_leaves_the_published_snapshot_untouched(string killWhenPrinted)
    {
        Assert.Equal(ExitCode.Success, warehouse.Run(RepositoryPaths.Geography).ExitCode);
        var pointer = File.ReadAllText(warehouse.Directory.PointerPath);
        var checksum = RepeatAndRepublishTests.Sha256(warehouse.Published.Path);

        using (var etl = new EtlProcess("run", "--source", RepositoryPaths.KentZip, "--warehouse", warehouse.Root, "--plain"))
        {
            Assert.True(etl.WaitForLine(killWhenPrinted, TimeSpan.FromMinutes(2)), "the run never reached the point to kill it at:\n" + etl.Output);
            etl.Kill();
        }

        Assert.Equal(pointer, File.ReadAllText(warehouse.Directory.PointerPath));
        Assert.Equal(checksum, RepeatAndRepublishTests.Sha256(warehouse.Published.Path));
        Assert.Equal(0, warehouse.Scalar<long>("SELECT count(*) FROM meta.source_files WHERE source_kind = 'police_street'"));

        using (var rerun = new EtlProcess("run", "--source", RepositoryPaths.KentZip, "--warehouse", warehouse.Root, "--plain"))
            Assert.True(rerun.WaitForExit(TimeSpan.FromMinutes(3)) == 0, rerun.Output);

        var expectedRecords = PoliceCsv.KentStreetFiles().Sum(file => file.Lines.Count - 1);
        var kept = warehouse.Scalar<long>("SELECT count(*) FROM core.fct_crime_records") + warehouse.Scalar<long>("SELECT count(*) FROM meta.rejects");
        Assert.Equal(expectedRecords, kept);
        Assert.Equal(9, warehouse.Scalar<long>("SELECT count(*) FROM meta.source_files WHERE source_kind = 'police_street' AND status = 'loaded'"));
        var runs = new Analytics.Warehouse.Storage.RunJournal(warehouse.Directory).Recent(3);
        Assert.Contains(runs, run => run.Status == "interrupted" && run.Failed);
        Assert.Empty(Directory.GetDirectories(warehouse.Directory.WorkDirectory));
    }

    public void Dispose() => warehouse.Dispose();
}
