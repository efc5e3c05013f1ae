using Analytics.Etl.Cli;
using Analytics.Etl.Pipeline;
using Analytics.Tests.Support;

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

    public void Dispose() => warehouse.Dispose();
}
