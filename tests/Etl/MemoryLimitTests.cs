using Analytics.Etl.Cli;
using Analytics.Etl.Pipeline;
using Analytics.Tests.Support;

namespace Analytics.Tests.Etl;

/// <summary>
/// DuckDB's memory limit is a setting (Etl:MemoryLimitMiB): a run under a tight one spills to its work folder and
/// loads the same rows, and a limit too small to work is refused when the settings are read.
/// </summary>
public sealed class MemoryLimitTests : IDisposable
{
    private readonly TemporaryWarehouse roomy = new();
    private readonly TemporaryWarehouse tight = new();

    public void Dispose()
    {
        roomy.Dispose();
        tight.Dispose();
    }

    [Fact]
    public void A_run_under_a_tight_memory_limit_loads_the_same_rows_and_says_what_the_limit_is()
    {
        var output = new StringWriter();
        var settings = Path.Combine(tight.Inputs, "tight.json");
        File.WriteAllText(settings, """{ "Etl": { "MemoryLimitMiB": 100 } }""");

        var exitCode = EtlProgram.Execute(["run", "--source", RepositoryPaths.KentZip, "--source", RepositoryPaths.KentGeography[0],
            "--warehouse", tight.Root, "--settings", settings, "--plain"], output, TextWriter.Null);
        var reference = roomy.Run([RepositoryPaths.KentZip, RepositoryPaths.KentGeography[0]]);

        Assert.True(exitCode == (int)ExitCode.Success, output.ToString());
        Assert.Contains("DuckDB memory limit 100 MiB", output.ToString());
        Assert.Equal(ExitCode.Success, reference.ExitCode);
        const string Counts = "SELECT concat_ws(' ', area_type, area_code, financial_year, crime_type, incidents) FROM marts.crime_rates_by_area_year ORDER BY ALL";
        Assert.Equal(roomy.Query<string>(Counts), tight.Query<string>(Counts));
    }

    [Fact]
    public void A_memory_limit_too_small_to_work_is_refused_when_the_settings_are_read()
    {
        var settings = Path.Combine(tight.Inputs, "tiny.json");
        File.WriteAllText(settings, """{ "Etl": { "MemoryLimitMiB": 8 } }""");
        var errors = new StringWriter();

        var exitCode = EtlProgram.Execute(["run", "--source", tight.Inputs, "--warehouse", tight.Root, "--settings", settings], TextWriter.Null, errors);

        Assert.Equal((int)ExitCode.Usage, exitCode);
        Assert.Contains("Etl:MemoryLimitMiB must be at least 64 (MiB), not 8", errors.ToString());
    }
}
