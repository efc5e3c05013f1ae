using System.Text.Json;
using Analytics.Warehouse;
using Analytics.Warehouse.Storage;
using Dapper;
using Spectre.Console;

namespace Analytics.Etl.Cli;

/// <summary>etl status: the published snapshot, what it holds, and the latest runs (failed ones too).</summary>
public static class StatusCommand
{
    public sealed record SourceFreshness(string SourceKind, string? ForceSlug, string? LatestPeriod, long Files, long RowsLoaded, long RowsRejected);

    public sealed record Report(
        string Warehouse, string? PublishedSnapshot, string? PublishedRunId, DateTimeOffset? PublishedAt, int? SchemaVersion,
        IReadOnlyList<SourceFreshness> Sources, IReadOnlyList<RunSummary> Runs);

    public static Report Build(WarehouseDirectory warehouse, int runs)
    {
        var published = warehouse.ReadPublished();
        IReadOnlyList<SourceFreshness> sources = [];
        if (published is not null)
        {
            using var connection = DuckDbConnections.OpenReadOnly(published.Path);
            sources = connection.Query<SourceFreshness>("""
                SELECT source_kind AS SourceKind, force_slug AS ForceSlug, max(period) AS LatestPeriod, count(*) AS Files,
                       CAST(sum(rows_loaded) AS BIGINT) AS RowsLoaded, CAST(sum(rows_rejected) AS BIGINT) AS RowsRejected
                FROM meta.source_files WHERE status = 'loaded'
                GROUP BY ALL ORDER BY source_kind, force_slug
                """).ToList();
        }
        return new Report(warehouse.Root, published?.Path, published?.RunId, published?.PublishedAt, published?.SchemaVersion,
            sources, new RunJournal(warehouse).Recent(runs));
    }

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = true,
    };

    public static void WriteJson(Report report, TextWriter output) => output.WriteLine(JsonSerializer.Serialize(report, Json));

    public static void WriteText(Report report, IAnsiConsole console)
    {
        console.MarkupLine($"[bold]Warehouse[/] {Markup.Escape(report.Warehouse)}");
        console.MarkupLine(report.PublishedSnapshot is null
            ? "[yellow]No snapshot published yet.[/]"
            : $"[bold]Published snapshot[/] {Markup.Escape(report.PublishedSnapshot)} (run {report.PublishedRunId}, {report.PublishedAt:yyyy-MM-dd HH:mm} UTC, schema v{report.SchemaVersion})");
        if (report.Sources.Count > 0)
        {
            var sources = new Table().AddColumns("Source", "Force", "Latest period", "Files", "Rows loaded", "Rows rejected");
            foreach (var source in report.Sources)
                sources.AddRow(source.SourceKind, source.ForceSlug ?? "", source.LatestPeriod ?? "", $"{source.Files:N0}", $"{source.RowsLoaded:N0}", $"{source.RowsRejected:N0}");
            console.Write(sources);
        }
        var runs = new Table().AddColumns("Run", "Started (UTC)", "Trigger", "Status", "Files loaded", "Rows read", "Loaded", "Rejected", "Message");
        foreach (var run in report.Runs)
            runs.AddRow(run.RunId, $"{run.StartedAt:yyyy-MM-dd HH:mm:ss}", run.Trigger, run.Status, $"{run.FilesLoaded:N0}",
                $"{run.RowsRead:N0}", $"{run.RowsLoaded:N0}", $"{run.RowsRejected:N0}", Markup.Escape(run.Message ?? ""));
        console.Write(runs);
    }
}
