using System.Security.Cryptography;
using Analytics.Etl.Sources;
using Analytics.Warehouse;
using Analytics.Warehouse.Schema;
using Dapper;
using DuckDB.NET.Data;

namespace Analytics.Etl.Loading;

/// <summary>
/// Loads one source file into the working copy, in one transaction: rows that pass their checks go to the
/// raw table, the rest to meta.rejects with line, field, reason and raw text; the file is recorded with its
/// checksum and counts, and replaces the file it republishes.
/// </summary>
public static class FileLoader
{
    /// <param name="preparedCsv">A CSV file's checksum and line scan (<see cref="CsvReadAhead"/>), which the caller
    /// disposes once the file is done; null for other files, read here in turn.</param>
    public static LoadedFile Load(DuckDBConnection connection, DiscoveredFile file, PreparedCsv? preparedCsv, string runId, DateOnly today,
        CancellationToken cancellation, ShrinkGuard? shrink = null)
    {
        var extension = Path.GetExtension(file.FileName).ToLowerInvariant();
        if (extension is not (".csv" or ".xlsx" or ".yaml" or ".yml"))
            return new LoadedFile(file.SourcePath, "", FileOutcome.Skipped, 0, 0, 0, "not a file type this ETL reads (CSV, Excel or plan YAML)");
        if (extension is ".yaml" or ".yml" && !Plans.PlanParser.LooksLikePlan(file.LocalPath))
            return new LoadedFile(file.SourcePath, "", FileOutcome.Skipped, 0, 0, 0, "a YAML file that is not a plan definition (no top-level 'plan')");
        if (extension == ".csv" && preparedCsv is null)
            throw new ArgumentNullException(nameof(preparedCsv), "a CSV file is loaded from its preparation");
        var sha256 = preparedCsv?.Sha256 ?? Checksum(file.LocalPath);
        var twin = connection.QueryFirstOrDefault<string>(
            "SELECT source_path FROM meta.source_files WHERE sha256 = $sha256 AND status = 'loaded'", new { sha256 });
        if (twin is not null)
            return new LoadedFile(file.SourcePath, "", FileOutcome.Unchanged, 0, 0, 0, $"already loaded, same content as {twin}");
        if (extension is ".yaml" or ".yml")
            return Plans.PlanLoader.Load(connection, file, runId, sha256);

        var staged = preparedCsv is null ? XlsxStager.Stage(connection, file, cancellation) : CsvStager.Stage(connection, file, preparedCsv, cancellation);
        return LoadStaged(connection, file, runId, today, shrink, sha256, staged);
    }

    /// <summary>The checksums of the files loaded and current, which a file with the same content is skipped for (see <see cref="Load"/>).</summary>
    internal static HashSet<string> LoadedChecksums(DuckDBConnection connection) =>
        connection.Query<string>("SELECT sha256 FROM meta.source_files WHERE status = 'loaded'").ToHashSet(StringComparer.Ordinal);

    private static LoadedFile LoadStaged(DuckDBConnection connection, DiscoveredFile file, string runId, DateOnly today,
        ShrinkGuard? shrink, string sha256, StagedCsv staged)
    {
        var classification = SourceClassifier.Classify(file, staged.Header, KnownForces(connection));
        if (classification.Spec is not { } spec)
            return new LoadedFile(file.SourcePath, "", FileOutcome.Skipped, 0, 0, 0, classification.SkipReason);

        var parameters = new Dictionary<string, object?>(classification.FileValues.ToDictionary(pair => pair.Key, pair => (object?)pair.Value))
        {
            ["current_month"] = today.ToString("yyyy-MM"),
        };
        using var transaction = new WarehouseTransaction(connection);
        var fileId = NextFileId(connection);
        var (replacesKey, replaces) = spec == FundingSpecs.FundingReturns
            ? FundingReturnIdentity.Find(connection, classification)
            : (classification.ReplacesKey, CurrentFiles(connection, classification.ReplacesKey));
        var earlier = replaces.Select(id => connection.QuerySingle<EarlierFile>(
            "SELECT file_id AS Id, source_path AS Path, rows_loaded AS RowsLoaded FROM meta.source_files WHERE file_id = $id", new { id })).ToList();
        // Replaced before the rows are checked, so that lines are compared only with files that stay current.
        SupersedeFiles(connection, [spec.RawTable], replaces, fileId);
        var checkedRows = CheckedRows(spec, classification);
        parameters["file_id"] = fileId;

        // ORDER BY stays: DuckDB keeps insertion order through filters, not through the joins the rules' subqueries make.
        var columns = string.Join(", ", classification.ColumnMap.Keys.Concat(spec.FileLevelColumns));
        var insert = $"""
            INSERT INTO {spec.RawTable} (file_id, line_number, {columns})
            SELECT $file_id, line_number, {columns} FROM ({checkedRows}) AS checked WHERE len(problems) = 0 ORDER BY line_number
            """;
        var loaded = connection.Execute(insert, Bind(insert, parameters));
        // Every parsed row was either loaded or refused by a rule; only a file with rejects checks its rows twice.
        parameters["run_id"] = runId;
        parameters["source_path"] = file.SourcePath;
        var rejected = staged.RowsRejected + staged.RowsParsed - loaded > 0 ? InsertRejects(connection, staged, checkedRows, parameters) : 0;
        var shrunk = (shrink ?? new ShrinkGuard()).Check(file, spec.Kind, $"{classification.ForceSlug} {classification.Period}",
            earlier.Sum(old => old.RowsLoaded), string.Join(", ", earlier.Select(old => old.Path)), loaded); // throws, rolling the file back, when it lost too much
        var replaced = earlier.Count == 0 ? null : "replaces " + string.Join(", ", earlier.Select(old => $"file {old.Id} ({old.Path})"));

        RegisterFile(connection, new SourceFileRecord(fileId, runId, file, spec.Kind, replacesKey, sha256,
            classification.Period, classification.ForceSlug, staged.RowsRead, loaded, rejected));
        transaction.Commit();

        return new LoadedFile(file.SourcePath, spec.Kind, FileOutcome.Loaded, staged.RowsRead, loaded, rejected,
            string.Join("; ", new[] { replaced, shrunk }.OfType<string>()) is { Length: > 0 } note ? note : null, fileId, replaces.Count > 0 ? replaces[^1] : null);
    }

    /// <summary>
    /// Stores the file's rejects, those it could not parse and those its rules refused, each with its raw text: the
    /// scan's rejects carry their own, the others are read from the file's lines, which only a file with rejects reads.
    /// </summary>
    private static long InsertRejects(DuckDBConnection connection, StagedCsv staged, string checkedRows, Dictionary<string, object?> parameters)
    {
        if (staged.CleanCopy is { } cleanCopy) CsvStager.ReadLines(connection, cleanCopy);
        var insertRejects = $"""
            INSERT INTO meta.rejects (file_id, run_id, source_path, line_number, field, reason, raw_text)
            SELECT $file_id, $run_id, $source_path, line_number, field, {RejectText.Sql("reason")}, {RejectText.Sql("raw_text")}
            FROM (
                SELECT line_number, rejects.field, rejects.reason, coalesce(rejects.raw_text, lines.raw_text) AS raw_text
                FROM (
                    SELECT line_number, field, reason, raw_text FROM stage_rejects
                    UNION ALL
                    SELECT line_number, problems[1].field,
                           array_to_string(list_transform(problems, problem -> problem.reason), '; '), NULL
                    FROM ({checkedRows}) AS checked WHERE len(problems) > 0
                ) AS rejects
                LEFT JOIN stage_lines AS lines USING (line_number)
            )
            """;
        return connection.Execute(insertRejects, Bind(insertRejects, parameters));
    }

    /// <summary>The force slugs data.police.uk publishes (seeds/police_forces.csv), which police file names must use.</summary>
    private static HashSet<string> KnownForces(DuckDBConnection connection) =>
        connection.Query<string>("SELECT force_slug FROM seeds.police_forces").ToHashSet(StringComparer.Ordinal);

    /// <summary>A file the one being loaded replaces, as it was while still current.</summary>
    private sealed record EarlierFile(int Id, string Path, long RowsLoaded);

    /// <summary>
    /// A query of the staged rows under their raw column names, with the list of problems of each. Not kept as a
    /// table: the insert of the rows that pass runs it, and the insert of the rejects once more, for a file that has any.
    /// </summary>
    private static string CheckedRows(SourceSpec spec, Classification classification)
    {
        // Column names and rule SQL come from SourceSpecs, compiled in; values reach DuckDB only as parameters.
        var projection = string.Join(", ", classification.ColumnMap.Select(pair => $"c{pair.Value + 1} AS {pair.Key}")
            .Concat(spec.FileLevelColumns.Select(column => $"${column} AS {column}")));
        var helpers = spec.HelperColumns.Length > 0 ? ", " + spec.HelperColumns : "";
        var problems = spec.Rules.Count == 0
            ? "[]"
            : "list_filter([" + string.Join(",\n", spec.Rules.Select(rule =>
                $"CASE WHEN ({rule.BadWhen}) THEN {{'field': '{rule.Field.Replace("'", "''")}', 'reason': ({rule.Reason})}} END")) + "], problem -> problem IS NOT NULL)";
        return $"""
            SELECT *, {problems} AS problems
            FROM (SELECT line_number, {projection}{helpers} FROM stage_rows) AS typed
            """;
    }

    internal sealed record SourceFileRecord(
        int FileId, string RunId, DiscoveredFile File, string Kind, string ReplacesKey, string Sha256,
        string? Period, string? ForceSlug, long RowsRead, long RowsLoaded, long RowsRejected);

    internal static int NextFileId(DuckDBConnection connection) =>
        connection.ExecuteScalar<int>("SELECT coalesce(max(file_id), 0) + 1 FROM meta.source_files");

    internal static void RegisterFile(DuckDBConnection connection, SourceFileRecord record) =>
        connection.Execute("""
            INSERT INTO meta.source_files (file_id, run_id, source_path, file_name, source_kind, replaces_key, sha256, size_bytes,
                                           period, force_slug, rows_read, rows_loaded, rows_rejected, status, loaded_at)
            VALUES ($file_id, $run_id, $source_path, $file_name, $kind, $replaces_key, $sha256, $size_bytes,
                    $period, $force_slug, $rows_read, $rows_loaded, $rows_rejected, 'loaded', now()::TIMESTAMP)
            """, new
        {
            file_id = record.FileId, run_id = record.RunId, source_path = record.File.SourcePath, file_name = record.File.FileName,
            kind = record.Kind, replaces_key = record.ReplacesKey, sha256 = record.Sha256, size_bytes = new FileInfo(record.File.LocalPath).Length,
            period = record.Period, force_slug = record.ForceSlug,
            rows_read = record.RowsRead, rows_loaded = record.RowsLoaded, rows_rejected = record.RowsRejected,
        });

    /// <summary>Marks the earlier current file with the same key superseded and removes its rows from the raw tables.</summary>
    internal static int? Supersede(DuckDBConnection connection, IReadOnlyList<string> rawTables, string replacesKey, int fileId)
    {
        var previous = CurrentFiles(connection, replacesKey).Where(id => id != fileId).ToList();
        SupersedeFiles(connection, rawTables, previous, fileId);
        return previous.Count > 0 ? previous[^1] : null;
    }

    internal static List<int> CurrentFiles(DuckDBConnection connection, string replacesKey) =>
        connection.Query<int>("SELECT file_id FROM meta.source_files WHERE replaces_key = $key AND status = 'loaded' ORDER BY file_id",
            new { key = replacesKey }).ToList();

    /// <summary>Marks the files superseded by <paramref name="fileId"/> and removes their rows from the raw tables.</summary>
    private static void SupersedeFiles(DuckDBConnection connection, IReadOnlyList<string> rawTables, IReadOnlyList<int> previous, int fileId)
    {
        foreach (var old in previous)
        {
            connection.Execute("UPDATE meta.source_files SET status = 'superseded', superseded_by = $file_id WHERE file_id = $old",
                new { file_id = fileId, old });
            foreach (var table in rawTables)
            {
                var delete = $"DELETE FROM {table} WHERE file_id = $old"; // table names come from the specs
                connection.Execute(delete, new { old });
            }
        }
    }

    /// <summary>Only the parameters a statement names: DuckDB refuses values for parameters it does not have.</summary>
    private static DynamicParameters Bind(string sql, Dictionary<string, object?> values)
    {
        var bound = new DynamicParameters();
        foreach (var (name, value) in values)
            if (sql.Contains("$" + name, StringComparison.Ordinal)) bound.Add(name, value);
        return bound;
    }

    internal static string Checksum(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }
}
