using System.Globalization;
using Analytics.Dashboard.Pages;
using Analytics.Warehouse;
using Dapper;

namespace Analytics.Tests.Support;

/// <summary>
/// Three tables of the /data page, each read by its own query of the snapshot: the files, the rows by kind of
/// source, and the loads. Every ETL run adds a file and a load, so each table alone tells which snapshot it was
/// read from, and a page whose tables disagree with the snapshot its footer names mixed two snapshots.
/// </summary>
/// <param name="Files">One line per file: path, rows read, loaded, rejected, status.</param>
/// <param name="Totals">One line per kind of source, every cell.</param>
/// <param name="Runs">One line per load: run id, status, rows loaded.</param>
public sealed record DataPageTables(string Files, string Totals, string Runs)
{
    public static DataPageTables FromPage(string html) => new(
        Lines(HtmlText.Table(html, "Source files in this snapshot").Select(row => (IEnumerable<string>)[row[0], .. row[3..7]])),
        Lines(HtmlText.Table(html, "Rows loaded and rejected by kind of source")),
        Lines(HtmlText.Table(html, "ETL runs that built this snapshot").Select(row => (IEnumerable<string>)[row[0], row[3], row[5]])));

    /// <summary>What the page should show for a snapshot, read from its file; the totals are added up here, apart
    /// from the dashboard's own query.</summary>
    public static DataPageTables FromSnapshot(string snapshotPath)
    {
        using var connection = DuckDbConnections.OpenReadOnly(snapshotPath);
        var files = connection.Query<(string Path, string Kind, long Read, long Loaded, long Rejected, string Status)>(
            "SELECT source_path, source_kind, rows_read, rows_loaded, rows_rejected, status FROM meta.source_files ORDER BY file_id").ToList();
        var runs = connection.Query<(string RunId, string Status, long Loaded)>(
            "SELECT run_id, status, rows_loaded FROM meta.load_runs ORDER BY started_at DESC").ToList();
        var totals = files.GroupBy(file => file.Kind).OrderBy(kind => kind.Key, StringComparer.Ordinal).Select(kind =>
        {
            var inUse = kind.Where(file => file.Status == "loaded").ToList();
            return (IEnumerable<string>)[DataModel.KindName(kind.Key), Count(inUse.Count), Count(kind.Count() - inUse.Count),
                Count(inUse.Sum(file => file.Read)), Count(inUse.Sum(file => file.Loaded)), Count(inUse.Sum(file => file.Rejected))];
        });
        return new(
            Lines(files.Select(file => (IEnumerable<string>)[file.Path, Count(file.Read), Count(file.Loaded), Count(file.Rejected), file.Status])),
            Lines(totals),
            Lines(runs.Select(run => (IEnumerable<string>)[run.RunId, run.Status, Count(run.Loaded)])));
    }

    private static string Count(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private static string Lines(IEnumerable<IEnumerable<string>> rows) => string.Join("\n", rows.Select(row => string.Join(" | ", row)));
}
