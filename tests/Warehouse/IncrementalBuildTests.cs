using Analytics.Etl.Pipeline;
using Analytics.Tests.Support;
using Analytics.Warehouse;
using Analytics.Warehouse.Schema;
using Analytics.Warehouse.Storage;
using Analytics.Warehouse.Testing;
using Dapper;
using DuckDB.NET.Data;

namespace Analytics.Tests.Warehouse;

/// <summary>
/// A run that changed only police files builds the models incrementally; every model must then hold exactly what a
/// full build of the same raw tables makes: months added, a month republished with rows dropped, an outcome changed
/// and a crime repeated from a month the run did not touch.
/// </summary>
public sealed class IncrementalBuildTests : IDisposable
{
    private static readonly string KentEarlierMonths = Path.Combine(RepositoryPaths.Sample, "police", "kent-2024-01-to-2024-04.zip");
    private readonly TemporaryWarehouse warehouse = new();

    [Fact]
    public void Months_added_and_a_month_republished_build_incrementally_to_what_a_full_build_makes()
    {
        var first = warehouse.Run([.. RepositoryPaths.KentGeography, RepositoryPaths.KentZip]);
        Assert.True(first.ExitCode == ExitCode.Success, TemporaryWarehouse.Explain(first));
        Assert.Equal(BuildKind.Full, LastBuild().Kind);

        var added = warehouse.Run(KentEarlierMonths);
        Assert.True(added.ExitCode == ExitCode.Success, TemporaryWarehouse.Explain(added));
        Assert.Equal((BuildKind.Incremental, 4), (LastBuild().Kind, LastBuild().Months));
        // The tests of the models it maintains (and of the view over them) checked the rows it made; the rest, whole tables.
        Assert.Contains(added.DataTests, test => test.Test is { Model: "core.fct_crime_records", Name: "unique_key(record_key) on the rows this run built" });
        Assert.Contains(added.DataTests, test => test.Test is { Model: "marts.crime_record_list", Name: "unique_key(source_file_id, source_line_number) on the rows this run built" });
        Assert.Contains(added.DataTests, test => test.Test is { Model: "intermediate.int_crime_records_classified", Name: "unique_key(source_file_id, source_line_number) on the rows this run built" });
        Assert.Contains(added.DataTests, test => test.Test is { Model: "core.dim_crime_type", Name: "unique_key(crime_type_key)" });
        AssertSameAsFullBuild();
        // The published snapshot's scope macros take every row again (as etl check runs them), not this run's scope.
        using (var published = DuckDbConnections.OpenReadOnly(warehouse.Published.Path))
            Assert.All(DataTestRunner.RunAll(published), test => Assert.False(test.BlocksPublish, test.Describe()));

        var republished = warehouse.Run(RepublishedMarch());
        Assert.True(republished.ExitCode == ExitCode.Success, TemporaryWarehouse.Explain(republished));
        Assert.Equal(BuildKind.Incremental, LastBuild().Kind);
        Assert.Contains(republished.Files, file => file.Superseded is not null);
        AssertSameAsFullBuild();

        // Again without the February crime: its February row counts again, though no February file changed.
        var withdrawn = warehouse.Run(RepublishedMarch(withFebruaryCrime: false));
        Assert.True(withdrawn.ExitCode == ExitCode.Success, TemporaryWarehouse.Explain(withdrawn));
        Assert.Equal(BuildKind.Incremental, LastBuild().Kind);
        AssertSameAsFullBuild();
    }

    [Fact]
    public void A_run_that_changes_reference_data_or_asks_for_it_builds_every_model_anew()
    {
        warehouse.Run([.. RepositoryPaths.KentGeography, RepositoryPaths.KentZip]);

        warehouse.Run(RepositoryPaths.Population);
        Assert.Equal(BuildKind.Full, LastBuild().Kind);
        Assert.Contains("ons_population", LastBuild().Reason);

        warehouse.Run(options => options with { FullBuild = true }, KentEarlierMonths);
        Assert.Equal((BuildKind.Full, "a full build was asked for"), (LastBuild().Kind, LastBuild().Reason));
    }

    [Fact]
    public void A_run_with_nothing_new_builds_the_models_anew_when_another_version_of_the_code_built_them()
    {
        warehouse.Run([.. RepositoryPaths.KentGeography, RepositoryPaths.KentZip]);
        var builtByOtherCode = warehouse.Published.Path;
        File.SetAttributes(builtByOtherCode, FileAttributes.Normal);
        using (var connection = DuckDbConnections.OpenReadWrite(builtByOtherCode))
            connection.Execute("UPDATE meta.model_builds SET fingerprint = 'an earlier version'");
        File.SetAttributes(builtByOtherCode, FileAttributes.ReadOnly);
        // The nightly check says why it cannot test that snapshot, and what makes it testable again.
        var refused = DataTestCheck.Run(warehouse.Root, "test", new SilentReporter());
        Assert.Equal((ExitCode.Unexpected, RunStatus.Failed, 0), (refused.ExitCode, refused.Status, refused.DataTests.Count));
        Assert.Contains("built by another version of the code or of DuckDB", Assert.Single(refused.Errors));

        var upgraded = warehouse.Run([.. RepositoryPaths.KentGeography, RepositoryPaths.KentZip]);
        Assert.Equal((ExitCode.Success, RunStatus.Published), (upgraded.ExitCode, upgraded.Status));
        Assert.NotEqual(builtByOtherCode, warehouse.Published.Path);
        Assert.Equal((BuildKind.Full, "the models, macros, seeds, migrations or DuckDB version changed since the last build"), (LastBuild().Kind, LastBuild().Reason));

        // Built by this code now: nothing to do again, and the check runs every test.
        Assert.Equal(RunStatus.Unchanged, warehouse.Run([.. RepositoryPaths.KentGeography, RepositoryPaths.KentZip]).Status);
        Assert.Equal(RunStatus.Checked, DataTestCheck.Run(warehouse.Root, "test", new SilentReporter()).Status);
    }

    [Fact]
    public void Scoped_data_tests_read_the_rows_the_build_made_and_only_those()
    {
        warehouse.Run([.. RepositoryPaths.KentGeography, RepositoryPaths.KentZip]);
        var added = warehouse.Run(KentEarlierMonths);
        var copy = Path.Combine(warehouse.Inputs, "scoped.duckdb");
        File.Copy(warehouse.Published.Path, copy);
        File.SetAttributes(copy, FileAttributes.Normal);
        using var connection = DuckDbConnections.OpenReadWrite(copy);
        Assert.Equal(BuildKind.Incremental, ModelBuilder.BuildAll(connection, added.RunId).Kind);

        // A record outside the scope breaks a rule: the scoped tests do not read it (the last build's tests passed it).
        const string test = "relationship(counted_district_code -> core.dim_district.district_code) on the rows this run built";
        Corrupt(connection, added.RunId, loadedByTheRun: false);
        var results = DataTestRunner.RunAll(connection, scoped: true);
        Assert.Equal(0, results.Single(result => result.Test is { Model: "intermediate.int_crime_records_classified", Name: test }).FailingRows);

        // One the build made: they do.
        ModelBuilder.BuildAll(connection, added.RunId);
        Corrupt(connection, added.RunId, loadedByTheRun: true);
        results = DataTestRunner.RunAll(connection, scoped: true);
        Assert.Equal(1, results.Single(result => result.Test is { Model: "intermediate.int_crime_records_classified", Name: test }).FailingRows);
    }

    /// <summary>Puts one located record, of a file the run loaded or of another, in a district that does not exist.</summary>
    private static void Corrupt(DuckDBConnection connection, string runId, bool loadedByTheRun) =>
        connection.Execute("""
            UPDATE intermediate.int_crime_records_classified SET counted_district_code = 'E99999999'
            WHERE (source_file_id, source_line_number) = (
                SELECT (source_file_id, source_line_number) FROM intermediate.int_crime_records_classified
                WHERE counted_district_code IS NOT NULL
                  AND (source_file_id IN (SELECT file_id FROM meta.source_files WHERE run_id = $run_id)) = $loaded_by_the_run
                ORDER BY ALL LIMIT 1)
            """, new { run_id = runId, loaded_by_the_run = loadedByTheRun });

    private (string Kind, string Reason, int? Months) LastBuild() =>
        warehouse.Query<(string, string, int?)>("SELECT build_kind, reason, months_in_scope FROM meta.model_builds ORDER BY built_at DESC LIMIT 1").Single();

    /// <summary>March 2025 again: every tenth line gone, one outcome changed, and (if asked) a February crime repeated in it.</summary>
    private string RepublishedMarch(bool withFebruaryCrime = true)
    {
        var files = PoliceCsv.KentZipStreetFiles().ToDictionary(file => file.Name, file => file.Lines);
        var march = files.Single(file => file.Key.EndsWith("2025-03-kent-street.csv", StringComparison.Ordinal)).Value;
        var february = files.Single(file => file.Key.EndsWith("2025-02-kent-street.csv", StringComparison.Ordinal)).Value;
        var lines = march.Where((_, index) => index == 0 || index % 10 != 0).ToList();
        var crime = lines.FindIndex(1, line => !line.StartsWith(',') && !line.EndsWith(",Investigation complete; no suspect identified,", StringComparison.Ordinal));
        var fields = lines[crime].Split(',');
        fields[^2] = "Investigation complete; no suspect identified";
        lines[crime] = string.Join(',', fields);
        var repeated = february.Skip(1).First(line => !line.StartsWith(',')).Split(',');
        repeated[1] = "2025-03";
        if (withFebruaryCrime) lines.Add(string.Join(',', repeated));
        var folder = Path.Combine(warehouse.Inputs, withFebruaryCrime ? "with" : "without");
        return PoliceCsv.Write(folder, "2025-03/2025-03-kent-street.csv", [.. lines]);
    }

    /// <summary>Builds every model anew on a copy of the published snapshot and compares each table, row for row.</summary>
    private void AssertSameAsFullBuild()
    {
        var copy = Path.Combine(warehouse.Inputs, $"full-{Guid.NewGuid():N}.duckdb");
        File.Copy(warehouse.Published.Path, copy);
        File.SetAttributes(copy, FileAttributes.Normal);
        using var connection = DuckDbConnections.OpenReadWrite(copy);
        ModelBuilder.BuildAll(connection, "full build to compare", full: true);
        connection.Execute($"ATTACH '{warehouse.Published.Path.Replace("'", "''")}' AS incremental (READ_ONLY)"); // the test's own path
        var tables = ModelCatalog.All.Where(model => model.Materialized == "table").Select(model => model.Model).ToList();
        Assert.Contains("intermediate.int_street_records_ranked", tables);
        foreach (var table in tables)
        {
            // Model names are compiled in; EXCEPT ALL both ways: the same rows, each as many times.
            var differing = connection.ExecuteScalar<long>($"""
                SELECT (SELECT count(*) FROM (SELECT * FROM {table} EXCEPT ALL SELECT * FROM incremental.{table}))
                     + (SELECT count(*) FROM (SELECT * FROM incremental.{table} EXCEPT ALL SELECT * FROM {table}))
                """);
            Assert.True(differing == 0, $"{table}: {differing} rows differ between the incremental build and a full one");
        }
        Assert.True(connection.ExecuteScalar<long>("SELECT count(*) FROM incremental.core.fct_crime_records") > 0);
    }

    public void Dispose() => warehouse.Dispose();
}
