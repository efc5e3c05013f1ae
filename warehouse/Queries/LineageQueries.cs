using Dapper;

namespace Analytics.Warehouse.Queries;

/// <summary>A model upstream of a figure's mart: how many steps up, and what the catalog says of it.</summary>
public sealed record UpstreamModel(string Model, int Steps, string Materialized, string Description, string Grain);

/// <summary>A table outside the models that the upstream models read: a raw table, a seed or a meta table.</summary>
public sealed record LineageSource(string Table, string Kind, string ReadBy);

/// <summary>A column of the mart as the snapshot holds it, with the description its model's YAML gives, if any.</summary>
public sealed record LineageColumn(string Column, string Type, string? Description);

/// <summary>A loaded source file that fed a figure, with the run that loaded it.</summary>
public sealed record LineageFile(
    int FileId, string SourcePath, string SourceKind, string Publisher, string Sha256, long SizeBytes, string? Period, string? ForceSlug,
    long RowsRead, long RowsLoaded, long RowsRejected, DateTime LoadedAt, string RunId, string? RunTrigger, DateTime? RunStartedAt);

public sealed record LineageReject(string SourcePath, long LineNumber, string? Field, string Reason);

public sealed record LineageTest(string TestName, string Model, string Severity, long FailingRows, string RunId);

/// <summary>Everything the lineage page says of one figure, from one snapshot.</summary>
/// <param name="Recorded">False for a snapshot published before lineage was recorded, which holds none of it.</param>
/// <param name="RejectedRows">Every rejected row of <see cref="Files"/>; <see cref="Rejects"/> holds the first of them.</param>
public sealed record FigureLineage(
    bool Recorded, UpstreamModel? Mart, IReadOnlyList<LineageColumn> Columns, IReadOnlyList<UpstreamModel> Upstream, IReadOnlyList<LineageSource> Sources,
    IReadOnlyList<LineageFile> Files, long RejectedRows, IReadOnlyList<LineageReject> Rejects, IReadOnlyList<LineageTest> Tests)
{
    public static readonly FigureLineage NotRecorded = new(false, null, [], [], [], [], 0, [], []);
}

/// <summary>
/// Where a figure's numbers come from, read from the snapshot itself: its mart's models upstream (meta.models and
/// meta.model_reads, the catalog the ETL wrote at publish), the loaded files of the raw tables they read
/// (meta.source_files, with publishers from marts.source_kinds and, for police files, only the forces of the
/// chosen force area from marts.police_forces), the runs that loaded them, their rejects and the data tests.
/// </summary>
public sealed class LineageQueries(IWarehouseReader reader)
{
    // The mart and every model it reads, directly or through others, with the fewest steps to each. Compiled in.
    private const string Upstream = """
        WITH RECURSIVE walk(model, steps) AS (
            SELECT $mart, 0
            UNION
            SELECT reads.reads, walk.steps + 1
            FROM meta.model_reads AS reads JOIN walk ON reads.model = walk.model
            WHERE reads.reads_kind = 'model' AND walk.steps < 50),
        upstream AS (SELECT model, min(steps) AS steps FROM walk GROUP BY model)
        """;

    // Loaded files whose kind fills a raw table upstream; police files only of the chosen area's forces unless
    // the figure compares force areas.
    private const string Files = Upstream + """
        ,
        raw_tables AS (
            SELECT DISTINCT reads.reads AS raw_table FROM meta.model_reads AS reads JOIN upstream USING (model)
            WHERE reads.reads_kind = 'raw'),
        kinds AS (
            SELECT source_kind, any_value(publisher) AS publisher FROM marts.source_kinds
            WHERE raw_table IN (SELECT raw_table FROM raw_tables) GROUP BY source_kind),
        fed AS (
            SELECT files.*, kinds.publisher FROM meta.source_files AS files JOIN kinds USING (source_kind)
            WHERE files.status = 'loaded'
              AND (files.force_slug IS NULL OR $all_forces
                   OR files.force_slug IN (SELECT force_slug FROM marts.police_forces WHERE force_area_code = $force_area)))
        """;

    public FigureLineage For(string mart, string forceArea, bool allForces, int rejectLimit)
    {
        using var connection = reader.Open();
        var recorded = connection.ExecuteScalar<long>(
            "SELECT count(*) FROM duckdb_tables() WHERE schema_name = 'meta' AND table_name IN ('models', 'model_reads', 'data_test_results')") == 3
            && connection.ExecuteScalar<long>("SELECT count(*) FROM meta.models") > 0;
        if (!recorded) return FigureLineage.NotRecorded;

        var parameters = new { mart, force_area = forceArea, all_forces = allForces, limit = rejectLimit };
        var models = connection.Query<UpstreamModel>(Upstream + """
            SELECT models.model AS Model, CAST(upstream.steps AS INTEGER) AS Steps, models.materialized AS Materialized,
                   models.description AS Description, models.grain AS Grain
            FROM upstream JOIN meta.models AS models USING (model)
            ORDER BY upstream.steps, models.model
            """, parameters).ToList();
        var sources = connection.Query<LineageSource>(Upstream + """
            SELECT reads.reads AS "Table", reads.reads_kind AS Kind, string_agg(reads.model, ', ' ORDER BY reads.model) AS ReadBy
            FROM meta.model_reads AS reads JOIN upstream USING (model)
            WHERE reads.reads_kind <> 'model'
            GROUP BY reads.reads, reads.reads_kind
            ORDER BY CASE reads.reads_kind WHEN 'raw' THEN 1 WHEN 'seeds' THEN 2 ELSE 3 END, reads.reads
            """, parameters).ToList();
        var columns = connection.Query<LineageColumn>("""
            SELECT columns.column_name AS "Column", columns.data_type AS Type, described.description AS Description
            FROM information_schema.columns AS columns
            LEFT JOIN meta.model_columns AS described ON described.model = $mart AND described.column_name = columns.column_name
            WHERE columns.table_schema || '.' || columns.table_name = $mart
            """, parameters).ToList();
        var files = connection.Query<LineageFile>(Files + """
            SELECT fed.file_id AS FileId, fed.source_path AS SourcePath, fed.source_kind AS SourceKind, fed.publisher AS Publisher,
                   fed.sha256 AS Sha256, fed.size_bytes AS SizeBytes, fed.period AS Period, fed.force_slug AS ForceSlug,
                   fed.rows_read AS RowsRead, fed.rows_loaded AS RowsLoaded, fed.rows_rejected AS RowsRejected, fed.loaded_at AS LoadedAt,
                   fed.run_id AS RunId, runs.trigger AS RunTrigger, runs.started_at AS RunStartedAt
            FROM fed LEFT JOIN meta.load_runs AS runs USING (run_id)
            ORDER BY fed.source_kind, fed.force_slug, fed.period, fed.source_path
            """, parameters).ToList();
        var rejected = connection.ExecuteScalar<long>(Files + """
            SELECT count(*) FROM meta.rejects WHERE file_id IN (SELECT file_id FROM fed)
            """, parameters);
        var rejects = rejected == 0 ? [] : connection.Query<LineageReject>(Files + """
            SELECT rejects.source_path AS SourcePath, rejects.line_number AS LineNumber, rejects.field AS Field, rejects.reason AS Reason
            FROM meta.rejects AS rejects WHERE rejects.file_id IN (SELECT file_id FROM fed)
            ORDER BY rejects.file_id, rejects.line_number
            LIMIT $limit
            """, parameters).ToList();
        var tests = connection.Query<LineageTest>(Upstream + """
            SELECT tests.test_name AS TestName, tests.model AS Model, tests.severity AS Severity, tests.failing_rows AS FailingRows, tests.run_id AS RunId
            FROM meta.data_test_results AS tests JOIN upstream USING (model)
            ORDER BY upstream.steps, tests.model, tests.test_name
            """, parameters).ToList();
        var found = models.FirstOrDefault(model => model.Steps == 0);
        return new FigureLineage(true, found, columns, models.Where(model => model.Steps > 0).ToList(), sources, files, rejected, rejects, tests);
    }
}
