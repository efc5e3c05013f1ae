using System.Text.Json;
using Analytics.Etl.Cli;
using Analytics.Etl.Pipeline;
using Analytics.Tests.Support;
using Analytics.Warehouse.Storage;

namespace Analytics.Tests.Etl;

/// <summary>
/// A warehouse folder that cannot be used is said to be so, with its cause and (where there is one) the way to
/// recover: only a lock another run holds is "busy".
/// </summary>
public sealed class WarehouseFolderTests : IDisposable
{
    private readonly TemporaryWarehouse warehouse = new();

    private static (int ExitCode, string Output) Etl(params string[] args)
    {
        var (output, errors) = (new StringWriter(), new StringWriter());
        var exitCode = EtlProgram.Execute(args, output, errors);
        return (exitCode, output + errors.ToString());
    }

    [Fact]
    public void A_read_only_warehouse_folder_is_exit_5_with_its_cause_not_busy()
    {
        using var folder = new ReadOnlyFolder(Path.Combine(warehouse.Inputs, "read-only-warehouse"));

        var (exitCode, output) = Etl("run", "--source", RepositoryPaths.Population, "--warehouse", folder.Path, "--plain");

        Assert.True(exitCode == (int)ExitCode.Unexpected, output);
        Assert.DoesNotContain("another ETL run", output);
        Assert.Contains($"cannot take the lock {Path.Combine(folder.Path, "etl.lock")}", output);
        Assert.Matches("Read-only file system|denied", output);
        Assert.DoesNotContain("   at ", output);

        var (checkExit, checkOutput) = Etl("check", "--warehouse", folder.Path);
        Assert.True(checkExit == (int)ExitCode.Unexpected, checkOutput);
        Assert.DoesNotContain("another ETL run", checkOutput);
    }

    [Fact]
    public void A_lock_another_run_holds_is_still_busy()
    {
        using var held = WarehouseLock.TryAcquire(warehouse.Directory);
        Assert.NotNull(held);

        var (exitCode, output) = Etl("run", "--source", RepositoryPaths.Population, "--warehouse", warehouse.Root, "--plain");

        Assert.Equal((int)ExitCode.Busy, exitCode);
        Assert.Contains("another ETL run is in progress", output);
    }

    [Fact]
    public void With_the_snapshots_folder_deleted_status_and_run_say_so_and_repair_says_to_rebuild()
    {
        Assert.Equal(ExitCode.Success, warehouse.Run(RepositoryPaths.Population).ExitCode);
        var snapshot = warehouse.Published.Snapshot;
        foreach (var file in Directory.GetFiles(warehouse.Directory.SnapshotsDirectory)) File.SetAttributes(file, FileAttributes.Normal);
        Directory.Delete(warehouse.Directory.SnapshotsDirectory, recursive: true);

        var (statusExit, status) = Etl("status", "--warehouse", warehouse.Root);
        Assert.True(statusExit == 0, status);
        Assert.Contains("The published snapshot cannot be used", status);
        Assert.DoesNotContain("Could not find", status);
        using var json = JsonDocument.Parse(Etl("status", "--warehouse", warehouse.Root, "--json").Output);
        Assert.Contains($"names the snapshot {snapshot}, which is missing", json.RootElement.GetProperty("problem").GetString());
        Assert.Contains("repair --warehouse", json.RootElement.GetProperty("recovery").GetString());

        var (runExit, run) = Etl("run", "--source", RepositoryPaths.Population, "--warehouse", warehouse.Root, "--plain");
        Assert.True(runExit == (int)ExitCode.Unexpected, run);
        Assert.Contains($"the published snapshot cannot be used: {warehouse.Directory.PointerPath} names the snapshot {snapshot}, which is missing", run);
        Assert.Contains("repair --warehouse", run);
        Assert.Contains("repair --warehouse", new RunJournal(warehouse.Directory).Recent(1)[0].Message);

        var (repairExit, repair) = Etl("repair", "--warehouse", warehouse.Root);
        Assert.True(repairExit == (int)ExitCode.Unexpected, repair);
        Assert.Contains("no intact snapshot is left", repair);
        Assert.Contains("Rebuild the warehouse by loading every source again: dotnet run --project etl -- run --source PATH", repair);

        var (rebuildExit, rebuild) = Etl("run", "--source", RepositoryPaths.Population, "--warehouse", warehouse.Root, "--plain");
        Assert.True(rebuildExit == 0, rebuild);
        Assert.True(warehouse.Scalar<long>("SELECT count(*) FROM core.fct_population") > 0);
    }

    [Fact]
    public void With_published_json_unreadable_repair_publishes_the_newest_intact_snapshot()
    {
        warehouse.Run(RepositoryPaths.Population);
        var intact = warehouse.Published;
        // An older snapshot to fall back on is kept only when asked for (Etl:SnapshotsToKeep, 1 by default).
        var population = warehouse.Scalar<long>("SELECT count(*) FROM raw.ons_population");
        warehouse.Run(options => options with { SnapshotsToKeep = 2 }, Path.Combine(RepositoryPaths.Geography, "ons_PFA19_names_codes_UK_dec2019.csv"));
        var newest = warehouse.Published.Path;
        File.SetAttributes(newest, FileAttributes.Normal);
        File.WriteAllText(newest, "not a database any more");
        File.WriteAllText(warehouse.Directory.PointerPath, "{ \"snapshot\": ");

        var (statusExit, status) = Etl("status", "--warehouse", warehouse.Root, "--json");
        Assert.True(statusExit == 0, status);
        Assert.Contains("published.json cannot be read", status);
        var (checkExit, check) = Etl("check", "--warehouse", warehouse.Root);
        Assert.True(checkExit == (int)ExitCode.Unexpected, check);
        Assert.Contains("repair --warehouse", check);
        Assert.Equal(2, Directory.GetFiles(warehouse.Directory.SnapshotsDirectory, "*.duckdb").Length); // nothing tidied away

        var (repairExit, repair) = Etl("repair", "--warehouse", warehouse.Root);

        Assert.True(repairExit == 0, repair);
        Assert.Contains($"{newest}: cannot be read as a warehouse snapshot; passed over", repair);
        Assert.Equal(intact.Snapshot, warehouse.Published.Snapshot);
        Assert.Equal(population, warehouse.Scalar<long>("SELECT count(*) FROM raw.ons_population"));
        var (againExit, again) = Etl("repair", "--warehouse", warehouse.Root);
        Assert.Equal((0, "nothing to repair."), (againExit, again.Trim().Split('\n')[^1]));
        Assert.Equal(0, Etl("run", "--source", RepositoryPaths.Population, "--warehouse", warehouse.Root, "--plain").ExitCode);
    }

    public void Dispose() => warehouse.Dispose();
}
