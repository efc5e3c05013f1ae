using DuckDB.NET.Data;
using Dapper;

namespace Analytics.Warehouse.Schema;

public sealed class ModelBuildException(string model, string problem) : Exception($"model {model} could not be built: {problem}");

/// <summary>
/// Builds every model, in dependency order, from the raw tables and seeds: all of them anew, or, when the run changed
/// only police files and the same code built the models last time, incrementally: the models that declare
/// <c>incremental</c> in their YAML (the ones with a row per record, and the counts by month) delete the rows in the
/// run's scope (<see cref="BuildScope"/>) and insert them again; every other model is built anew, as they read little.
/// </summary>
public static partial class ModelBuilder
{
    /// <remarks>The seeds must be loaded first (<see cref="SeedLoader"/>): the ETL loads them before the files, whose checks use them.</remarks>
    /// <param name="runId">The run whose files were loaded into this working copy: its files decide the scope.</param>
    /// <param name="full">Build every model anew whatever the run changed.</param>
    /// <param name="onModelBuilt">Told after each model, with how long it took.</param>
    public static ModelBuild BuildAll(DuckDBConnection connection, string runId, bool full = false, Action<StepProgress>? onModelBuilt = null)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        // Scalar macros (warehouse/macros) come first, for models to use; table macros are bound when they are
        // created, so those that read models come after the models.
        var macros = EmbeddedSql.List("macros/").Select(EmbeddedSql.Read).ToList();
        foreach (var macro in macros.Where(sql => !ModelCatalog.ReadsAnyModel(sql)))
            connection.Execute(macro);
        var build = BuildScope.Decide(connection, runId, full);
        var incremental = build.Kind == BuildKind.Incremental;
        if (incremental) DeleteScope(connection);

        DropAll(connection, macros.Where(ModelCatalog.ReadsAnyModel), keepIncremental: incremental);
        foreach (var (model, index) in ModelCatalog.All.Select((model, index) => (model, index)))
        {
            var started = clock.Elapsed.TotalSeconds;
            Build(connection, model, incremental && model.MaintainedIncrementally);
            onModelBuilt?.Invoke(new StepProgress(StepKind.Model, model.Model, index + 1, ModelCatalog.All.Count, clock.Elapsed.TotalSeconds - started));
        }
        foreach (var macro in macros.Where(ModelCatalog.ReadsAnyModel))
            connection.Execute(macro);
        Record(connection, runId, build, clock.Elapsed.TotalSeconds); // the scope stays set, for the data tests (they end it)
        return build;
    }

    /// <summary>
    /// Whether the warehouse's models were last built by this code (the same models, macros, seeds and migrations, on
    /// the same DuckDB version; <see cref="BuildScope.Fingerprint"/>):
    /// if not, a run builds them anew even when it has nothing new to load, as their tables and tests are this code's.
    /// </summary>
    public static bool BuiltByThisCode(DuckDBConnection connection) =>
        BuildScope.LastFingerprint(connection) == BuildScope.Fingerprint;

    /// <summary>Deletes the rows in scope of every maintained model, before the checkpoint in DropAll, so the blocks they
    /// held are reused by the rows inserted again.</summary>
    private static void DeleteScope(DuckDBConnection connection)
    {
        foreach (var model in ModelCatalog.All.Where(model => model.MaintainedIncrementally))
            connection.Execute($"DELETE FROM {model.Model} WHERE {model.Incremental!.DeleteWhere};"); // compiled-in model YAML
    }

    private static void Record(DuckDBConnection connection, string runId, ModelBuild build, double seconds) =>
        connection.Execute("""
            INSERT INTO meta.model_builds (run_id, built_at, build_kind, reason, fingerprint, files_in_scope, crimes_in_scope, months_in_scope, seconds)
            VALUES ($run_id, now()::TIMESTAMP, $kind, $reason, $fingerprint, $files, $crimes, $months, $seconds)
            """, new
        {
            run_id = runId, kind = build.Kind, reason = build.Reason, fingerprint = BuildScope.Fingerprint,
            files = build.FilesInScope, crimes = build.CrimesInScope, months = build.MonthsInScope, seconds,
        });

    /// <summary>
    /// Drops every model to be built anew (and the table macros that read models) and checkpoints, before any is built
    /// again: the blocks the old tables held are then free for the new ones, so a snapshot holds its models once
    /// instead of growing by a copy of them each run (DuckDB frees a dropped table's blocks at a checkpoint and reuses
    /// them, but never shortens the file).
    /// </summary>
    private static void DropAll(DuckDBConnection connection, IEnumerable<string> macrosReadingModels, bool keepIncremental)
    {
        foreach (var macro in macrosReadingModels)
            if (MacroName().Match(macro) is { Success: true } name)
                connection.Execute($"DROP MACRO TABLE IF EXISTS {name.Groups[1].Value};");
        var existing = connection.Query<(string Name, string Type)>(
            "SELECT table_schema || '.' || table_name, table_type FROM information_schema.tables WHERE table_catalog = current_database()").ToDictionary(table => table.Name, table => table.Type);
        // Model names are compiled-in identifiers, never user input.
        foreach (var model in ModelCatalog.All.Reverse())
            if (existing.TryGetValue(model.Model, out var type) && !(keepIncremental && model.MaintainedIncrementally))
                connection.Execute($"DROP {(type == "VIEW" ? "VIEW" : "TABLE")} {model.Model};");
        connection.Execute("CHECKPOINT;");
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"CREATE\s+OR\s+REPLACE\s+MACRO\s+([\w.]+)", System.Text.RegularExpressions.RegexOptions.IgnoreCase)]
    private static partial System.Text.RegularExpressions.Regex MacroName();

    private static void Build(DuckDBConnection connection, ModelDefinition model, bool insertScope)
    {
        var kind = model.Materialized switch
        {
            "table" => "TABLE",
            "view" => "VIEW",
            _ => throw new InvalidOperationException($"{model.Model}: materialized must be table or view, not '{model.Materialized}'."),
        };
        // Model names are compiled-in identifiers, never user input; DropAll has dropped the model's last build, or
        // DeleteScope the rows in scope of a model it keeps.
        // A checkpoint after rows are inserted into a kept table frees the blocks its rewritten row groups held, for
        // the models built after it to reuse; else they stay free at the end of the file.
        var statement = insertScope
            ? $"INSERT INTO {model.Model} BY NAME SELECT * FROM (\n{model.Sql}\n);\nCHECKPOINT;"
            : $"CREATE {kind} {model.Model} AS\n{model.Sql}";
        try
        {
            connection.Execute(statement);
        }
        catch (DuckDBException problem)
        {
            throw new ModelBuildException(model.Model, problem.Message.Split('\n')[0]);
        }
    }
}
