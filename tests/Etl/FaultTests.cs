using Analytics.Etl.Pipeline;
using Analytics.Tests.Support;
using Analytics.Warehouse.Storage;

namespace Analytics.Tests.Etl;

/// <summary>
/// Faults part way through a run leave the published snapshot byte for byte as it was, and the next run publishes
/// the expected data with nothing duplicated and nothing lost: the ETL process killed (SIGKILL, so no clean-up code
/// runs) at each step, a data test failing, a disk that fills, and an input file removed while it is read.
/// </summary>
public sealed class FaultTests : IDisposable
{
    private readonly TemporaryWarehouse warehouse = new();

    [Theory]
    [InlineData("reading")]    // files found and extracted, none loaded
    [InlineData("loading")]    // the first month loaded into the working copy
    [InlineData("data-tests")] // models rebuilt, data tests about to run
    [InlineData("publish")]    // the new snapshot file moved into snapshots/, the pointer not yet replaced
    public void A_run_killed_at_any_step_leaves_the_published_snapshot_untouched(string step)
    {
        var before = PublishGeography();

        using (var etl = new EtlProcess(new Dictionary<string, string> { [PausePoint.EnvironmentVariable] = step },
                   "run", "--source", RepositoryPaths.KentZip, "--warehouse", warehouse.Root, "--plain"))
        {
            Assert.True(etl.WaitForLine($"paused at {step}", TimeSpan.FromMinutes(2)), "the run never reached " + step + ":\n" + etl.Output);
            etl.Kill();
        }

        AssertUnchanged(before);
        RunKentAgainAndCheckEveryRecordOnce();
        var runs = new RunJournal(warehouse.Directory).Recent(5);
        Assert.Contains(runs, run => run.Status == "interrupted" && run.Failed);
        Assert.Empty(Directory.GetDirectories(warehouse.Directory.WorkDirectory));
        Assert.DoesNotContain(Directory.GetFiles(warehouse.Directory.SnapshotsDirectory), path =>
            string.CompareOrdinal(Path.GetFileName(path), Path.GetFileName(warehouse.Published.Path)) > 0);
    }

    [Fact]
    public void A_failing_data_test_publishes_nothing_and_a_corrected_load_publishes_everything()
    {
        // A force area's funding line is shared among its districts; with no district lookup loaded yet there are
        // none to share it with, so the data test that every pound reaches a district fails.
        var inputs = warehouse.Inputs;
        File.Copy(Path.Combine(RepositoryPaths.Geography, "ons_PFA19_names_codes_UK_dec2019.csv"), Path.Combine(inputs, "ons_PFA19_names_codes_UK_dec2019.csv"));
        var before = Publish(inputs);
        var funding = PoliceCsv.Write(warehouse.Root + "-funding", "funding-returns-victims.csv",
            FundingCsv.Header, FundingCsv.ToCsv(FundingCsv.Line().With("area_served", "E23000032")));

        var failed = warehouse.Run(funding);

        Assert.Equal(ExitCode.DataTestsFailed, failed.ExitCode);
        Assert.Contains(failed.DataTests, test => test.BlocksPublish && test.Test.Name == "assert_funding_lines_fully_apportioned");
        AssertUnchanged(before);

        var corrected = warehouse.Run([.. RepositoryPaths.KentGeography, RepositoryPaths.Population, funding]);
        Assert.Equal(ExitCode.Success, corrected.ExitCode);
        Assert.Equal(1000.00m, warehouse.Scalar<decimal>("SELECT sum(allocated) FROM intermediate.int_funding_lines_apportioned"));
        Assert.Equal(1, warehouse.Scalar<long>("SELECT count(*) FROM meta.source_files WHERE source_kind = 'funding_returns' AND status = 'loaded'"));
    }

    [Fact]
    public void A_disk_that_fills_during_the_run_publishes_nothing_and_the_next_run_completes()
    {
        var before = PublishGeography();
        var snapshotKiB = (int)(new FileInfo(warehouse.Published.Path).Length / 1024);

        // Room for the copy of the published snapshot, not for the Kent months on top of it.
        using (var etl = new EtlProcess(new Dictionary<string, string>(), snapshotKiB + 4096,
                   "run", "--source", RepositoryPaths.KentZip, "--warehouse", warehouse.Root, "--plain"))
        {
            Assert.Equal((int)ExitCode.Unexpected, etl.WaitForExit(TimeSpan.FromMinutes(3)));
            Assert.True(etl.Output.Contains("File too large", StringComparison.Ordinal), etl.Output);
            Assert.DoesNotContain("   at ", etl.Output, StringComparison.Ordinal);
        }

        AssertUnchanged(before);
        Assert.Empty(Directory.GetDirectories(warehouse.Directory.WorkDirectory));
        Assert.Equal("failed", new RunJournal(warehouse.Directory).Recent(1)[0].Status);
        RunKentAgainAndCheckEveryRecordOnce();
    }

    [Fact]
    public void An_input_file_removed_while_the_run_reads_it_fails_the_run_by_name_and_loses_nothing()
    {
        var before = PublishGeography();
        var months = Path.Combine(warehouse.Inputs, "kent");
        foreach (var (name, lines) in PoliceCsv.KentZipStreetFiles())
            PoliceCsv.Write(months, name, [.. lines]);
        var last = Directory.GetFiles(months, "*.csv", SearchOption.AllDirectories).Order(StringComparer.Ordinal).Last();
        var kept = File.ReadAllBytes(last);

        using (var etl = new EtlProcess("run", "--source", months, "--warehouse", warehouse.Root, "--plain"))
        {
            Assert.True(etl.WaitForLine("files found", TimeSpan.FromMinutes(2)), etl.Output);
            File.Delete(last);
            Assert.Equal((int)ExitCode.SourceUnreadable, etl.WaitForExit(TimeSpan.FromMinutes(3)));
            Assert.Contains(Path.GetFileName(last), etl.Output, StringComparison.Ordinal);
        }
        AssertUnchanged(before);

        File.WriteAllBytes(last, kept);
        Assert.Equal(ExitCode.Success, warehouse.Run(months).ExitCode);
        AssertEveryKentRecordOnce();
    }

    private (string Pointer, string Checksum) PublishGeography() => Publish(RepositoryPaths.KentGeography);

    private (string Pointer, string Checksum) Publish(params string[] sources)
    {
        var run = warehouse.Run(sources);
        Assert.True(run.ExitCode == ExitCode.Success, TemporaryWarehouse.Explain(run));
        return (File.ReadAllText(warehouse.Directory.PointerPath), RepeatAndRepublishTests.Sha256(warehouse.Published.Path));
    }

    private void AssertUnchanged((string Pointer, string Checksum) before)
    {
        Assert.Equal(before.Pointer, File.ReadAllText(warehouse.Directory.PointerPath));
        Assert.Equal(before.Checksum, RepeatAndRepublishTests.Sha256(warehouse.Published.Path));
    }

    private void RunKentAgainAndCheckEveryRecordOnce()
    {
        using (var rerun = new EtlProcess("run", "--source", RepositoryPaths.KentZip, "--warehouse", warehouse.Root, "--plain"))
            Assert.True(rerun.WaitForExit(TimeSpan.FromMinutes(3)) == 0, rerun.Output);
        AssertEveryKentRecordOnce();
    }

    private void AssertEveryKentRecordOnce()
    {
        var expectedRecords = PoliceCsv.KentZipStreetFiles().Sum(file => file.Lines.Count - 1);
        var kept = warehouse.Scalar<long>("SELECT count(*) FROM core.fct_crime_records") + warehouse.Scalar<long>("SELECT count(*) FROM marts.crime_records_set_aside")
            + warehouse.Scalar<long>("SELECT count(*) FROM meta.rejects");
        Assert.Equal(expectedRecords, kept);
        Assert.Equal(9, warehouse.Scalar<long>("SELECT count(*) FROM meta.source_files WHERE source_kind = 'police_street' AND status = 'loaded'"));
    }

    public void Dispose()
    {
        warehouse.Dispose();
        if (Directory.Exists(warehouse.Root + "-funding")) Directory.Delete(warehouse.Root + "-funding", recursive: true);
    }
}
