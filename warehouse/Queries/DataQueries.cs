using Dapper;

namespace Analytics.Warehouse.Queries;

public sealed record LoadRunRow(
    string RunId, DateTime StartedAt, DateTime? FinishedAt, string Trigger, string Status, int FilesSeen, int FilesLoaded,
    long RowsRead, long RowsLoaded, long RowsRejected, int DataTestsRun, int DataTestsFailed, string? Message);

/// <param name="Files">Files of the kind that feed the models now.</param>
/// <param name="SupersededFiles">Earlier versions replaced by a republished file.</param>
public sealed record SourceKindTotals(string SourceKind, long Files, long SupersededFiles, long RowsRead, long RowsLoaded, long RowsRejected);

public sealed record FundingSourceCount(string Source, long ReturnLines, string? ExampleUrl);

public sealed record PlanFile(string PlanTitle, string PlanVersion);

/// <summary>
/// The data page: what the published snapshot was loaded from (meta tables). The ETL's run journal, which also
/// records runs that failed and so are not in any snapshot, comes from <see cref="OperationsQueries"/>.
/// </summary>
public sealed class DataQueries(IWarehouseReader reader)
{
    private readonly LoadHistoryQueries history = new(reader);

    public IReadOnlyList<SourceFileRow> SourceFiles() => history.SourceFiles();

    public IReadOnlyList<RejectRow> LatestRejects(int limit) => history.LatestRejects(limit);

    public IReadOnlyList<LoadRunRow> LoadRuns()
    {
        using var connection = reader.Open();
        return connection.Query<LoadRunRow>("""
            SELECT run_id AS RunId, started_at AS StartedAt, finished_at AS FinishedAt, trigger AS Trigger, status AS Status,
                   files_seen AS FilesSeen, files_loaded AS FilesLoaded, rows_read AS RowsRead, rows_loaded AS RowsLoaded,
                   rows_rejected AS RowsRejected, data_tests_run AS DataTestsRun, data_tests_failed AS DataTestsFailed, message AS Message
            FROM meta.load_runs ORDER BY started_at DESC
            """).ToList();
    }

    /// <summary>Rows per source kind, over the files that feed the models now (superseded files are counted apart).</summary>
    public IReadOnlyList<SourceKindTotals> TotalsByKind()
    {
        using var connection = reader.Open();
        return connection.Query<SourceKindTotals>("""
            SELECT source_kind AS SourceKind,
                   count(*) FILTER (WHERE status = 'loaded') AS Files,
                   count(*) FILTER (WHERE status <> 'loaded') AS SupersededFiles,
                   CAST(coalesce(sum(rows_read) FILTER (WHERE status = 'loaded'), 0) AS BIGINT) AS RowsRead,
                   CAST(coalesce(sum(rows_loaded) FILTER (WHERE status = 'loaded'), 0) AS BIGINT) AS RowsLoaded,
                   CAST(coalesce(sum(rows_rejected) FILTER (WHERE status = 'loaded'), 0) AS BIGINT) AS RowsRejected
            FROM meta.source_files GROUP BY source_kind ORDER BY source_kind
            """).ToList();
    }

    /// <summary>Funding return lines by whether they were published or are illustrative.</summary>
    public IReadOnlyList<FundingSourceCount> FundingSources()
    {
        using var connection = reader.Open();
        return connection.Query<FundingSourceCount>("""
            SELECT source AS Source, count(DISTINCT return_line_key) AS ReturnLines, min(source_url) AS ExampleUrl
            FROM marts.spend_by_district_year GROUP BY source ORDER BY source DESC
            """).ToList();
    }

    public IReadOnlyList<PlanFile> Plans()
    {
        using var connection = reader.Open();
        return connection.Query<PlanFile>(
            "SELECT DISTINCT plan_title AS PlanTitle, plan_version AS PlanVersion FROM marts.objective_performance ORDER BY 1").ToList();
    }
}
