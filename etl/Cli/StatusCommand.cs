using System.Text.Json;
using Analytics.Warehouse;
using Analytics.Warehouse.Operations;
using Analytics.Warehouse.Storage;
using Spectre.Console;

namespace Analytics.Etl.Cli;

/// <summary>etl status: the published snapshot, how fresh each source is, and the latest runs (failed ones too).</summary>
public static class StatusCommand
{
    public sealed record Report(
        string Warehouse, string? PublishedSnapshot, string? PublishedRunId, DateTimeOffset? PublishedAt, int? SchemaVersion,
        OperationalStatus Attention, IReadOnlyList<SourceFreshness> Sources, IReadOnlyList<RunSummary> Runs)
    {
        /// <summary>What is wrong with the published snapshot (missing, unreadable pointer), and how to recover.</summary>
        public string? Problem { get; init; }
        public string? Recovery { get; init; }
    }

    public static Report Build(WarehouseDirectory warehouse, int runs, DateOnly? today = null)
    {
        var problem = SnapshotHealth.Problem(warehouse);
        var published = problem is null ? warehouse.ReadPublished() : null;
        IReadOnlyList<SourceFreshness> sources = [];
        if (published is not null)
        {
            using var connection = DuckDbConnections.OpenReadOnly(published.Path);
            sources = FreshnessReport.Read(connection, today ?? DateOnly.FromDateTime(DateTime.UtcNow));
        }
        var journal = new RunJournal(warehouse).Recent(Math.Max(runs, 100));
        return new Report(warehouse.Root, published?.Path, published?.RunId, published?.PublishedAt, published?.SchemaVersion,
            OperationalStatus.From(journal, sources), sources, journal.Take(runs).ToList())
        {
            Problem = problem,
            Recovery = problem is null ? null : SnapshotHealth.Recovery(warehouse),
        };
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
        if (report.Problem is not null)
            console.MarkupLine($"[red]The published snapshot cannot be used[/]: {Markup.Escape(report.Problem)}; {Markup.Escape(report.Recovery ?? "")}");
        else console.MarkupLine(report.PublishedSnapshot is null
            ? "[yellow]No snapshot published yet.[/]"
            : $"[bold]Published snapshot[/] {Markup.Escape(report.PublishedSnapshot)} (run {report.PublishedRunId}, {report.PublishedAt:yyyy-MM-dd HH:mm} UTC, schema v{report.SchemaVersion})");
        if (report.Attention.FailedRun is { } failed)
            console.MarkupLine($"[red]The newest run failed[/] ({Markup.Escape(failed.RunId)}, {failed.Status}); runs have failed since {report.Attention.FailingSince:yyyy-MM-dd HH:mm} UTC ({report.Attention.FailedRunsInARow} in a row): {Markup.Escape(failed.Message ?? "")}");
        foreach (var stale in report.Attention.StaleSources)
            console.MarkupLine($"[yellow]Out of date[/]: {Markup.Escape(stale.SourceKind)} {Markup.Escape(stale.ForceSlug ?? "")} latest {stale.LatestPeriod}, expected {stale.ExpectedPeriod}, overdue since {stale.StaleSince:yyyy-MM-dd}");
        if (report.Sources.Count > 0)
        {
            var sources = new Table().AddColumns("Source", "Force", "Latest period", "Expected by now", "Overdue since", "Files", "Rows loaded", "Rows rejected", "Last loaded (UTC)");
            foreach (var source in report.Sources)
                sources.AddRow(source.SourceKind, source.ForceSlug ?? "", source.LatestPeriod ?? "", source.ExpectedPeriod ?? "no schedule",
                    source.StaleSince?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? "", $"{source.Files:N0}",
                    $"{source.RowsLoaded:N0}", $"{source.RowsRejected:N0}", $"{source.LastLoadedAt:yyyy-MM-dd HH:mm}");
            console.Write(sources);
        }
        var runs = new Table().AddColumns("Run", "Started (UTC)", "Finished", "Trigger", "Status", "Files loaded", "Rows read", "Loaded", "Rejected", "Data tests failed", "Error");
        foreach (var run in report.Runs)
            runs.AddRow(run.RunId, $"{run.StartedAt:yyyy-MM-dd HH:mm:ss}", $"{run.FinishedAt:HH:mm:ss}", Markup.Escape(run.Trigger), run.Status,
                $"{run.FilesLoaded:N0} of {run.FilesSeen:N0}", $"{run.RowsRead:N0}", $"{run.RowsLoaded:N0}", $"{run.RowsRejected:N0}",
                $"{run.DataTestsFailed:N0} of {run.DataTestsRun:N0}", Markup.Escape(run.Message ?? ""));
        console.Write(runs);
    }
}
