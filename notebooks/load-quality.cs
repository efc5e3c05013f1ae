// Load quality: what each ETL run brought, rejected and changed, by source, police force and month, so data staff
// can see whether a month's load is complete before the figures go to a panel.
// Run from the repository:  dotnet run notebooks/load-quality.cs -- [--run RUN-ID]
#:project Support/Analytics.Notebooks.csproj
#:package Microsoft.Data.Analysis
#:package Plotly.NET.CSharp
#:property PublishAot=false

using Analytics.Notebooks;
using Analytics.Warehouse.Storage;
using Microsoft.Data.Analysis;
using Plotly.NET;
using Plotly.NET.CSharp;
using Chart = Plotly.NET.CSharp.Chart;

return Notebook.Run("load-quality", "Load quality",
    "Usage: dotnet run notebooks/load-quality.cs -- [--run RUN-ID] [--warehouse DIR] [--out DIR]",
    ["run"], args, notebook =>
{
    // Every run: the run journal (runs.jsonl, beside the snapshots) also records the runs that failed and published nothing;
    // meta.load_runs holds the runs whose loads reached the published snapshot.
    var journal = new RunJournal(notebook.Warehouse).Recent(int.MaxValue);
    var runs = Frames.FromRecords(journal.Select(run => new
    {
        run.RunId, StartedAt = run.StartedAt.UtcDateTime, run.Trigger, run.Status, run.FilesSeen, run.FilesLoaded, run.RowsRead, run.RowsLoaded,
        run.RowsRejected, run.DataTestsRun, run.DataTestsFailed, run.Message,
    }));
    var published = notebook.Query("SELECT run_id, started_at, status FROM meta.load_runs ORDER BY started_at DESC");
    var runIds = runs.Values<string>("run_id").Union(published.Values<string>("run_id")).ToList();
    var runId = notebook.Arguments["run"] ?? (published.Rows.Count > 0 ? (string)published["run_id"][0] : runIds.FirstOrDefault()) ?? "";
    if (!runIds.Contains(runId)) throw NotebookException.UnknownChoice("run", runId, runIds);
    var inSnapshot = published.Values<string>("run_id").Contains(runId);

    notebook.Report.Paragraph($"Run {runId}: what it brought, rejected and changed, beside every run this warehouse has recorded.");
    notebook.Report.Source("meta.load_runs, meta.source_files, meta.rejects (in the published snapshot) and runs.jsonl (the run journal in the warehouse folder)");

    // 1. Every run, newest first: a run that failed published nothing, and its rows are not in the warehouse.
    notebook.Report.Heading("1. Every run");
    var ordered = runs.OrderBy("started_at");
    notebook.Figure(Chart.Combine([
            Chart.Column<long, string, string>(ordered.Values<long>("rows_loaded"), ordered.Values<string>("run_id"), Name: "Rows loaded", MarkerColor: Color.fromHex(ChartJson.Colours[0])),
            Chart.Column<long, string, string>(ordered.Values<long>("rows_rejected"), ordered.Values<string>("run_id"), Name: "Rows rejected", MarkerColor: Color.fromHex(ChartJson.Colours[7])),
        ]).WithYAxisStyle<double, double, string>(TitleText: "rows", AxisType: StyleParam.AxisType.Log),
        "Rows loaded and rejected by every run (log scale: rejects are few)", runs, "runs.csv");

    if (!inSnapshot)
    {
        // A run that is only in the journal: what it saw, file by file, and why it stopped.
        var entry = journal.First(run => run.RunId == runId);
        notebook.Report.Heading("2. What this run saw");
        notebook.Report.Paragraph($"Run {runId} is not in the published snapshot: {entry.Status}. {entry.Message}");
        notebook.Table(Frames.FromRecords(entry.Files), $"Files of run {runId}, as the journal recorded them", "run-files.csv");
        return;
    }

    // 2. What the run brought: its files by source kind, then the police months by force, so a missing month shows as a gap.
    notebook.Report.Heading("2. What the run brought");
    var files = notebook.Query("""
        SELECT file_id, source_kind, source_path, period, force_slug, rows_read, rows_loaded, rows_rejected, status, superseded_by
        FROM meta.source_files WHERE run_id = $run ORDER BY source_kind, source_path
        """, new { run = runId });
    var byKind = files.GroupBy<string>("source_kind").Sum("rows_read", "rows_loaded", "rows_rejected").OrderByDescending("rows_loaded");
    notebook.Figure(Chart.Bar<long, string, string>(byKind.Values<long>("rows_loaded"), byKind.Values<string>("source_kind"), Name: "Rows loaded",
            MarkerColor: Color.fromHex(ChartJson.Colours[0])).WithXAxisStyle<double, double, string>(TitleText: "rows loaded", AxisType: StyleParam.AxisType.Log),
        $"Rows read, loaded and rejected by source kind, run {runId}", byKind, "by-source.csv");
    var police = files.Filter(files["force_slug"].ElementwiseIsNotNull()).Where("source_kind", "police_street");
    var byForceMonth = police.Select("force_slug", "period", "rows_read", "rows_loaded", "rows_rejected").OrderBy("period");
    var forceChart = Chart.Combine(police["force_slug"].Cast<string>().Distinct().Order().Select((force, i) =>
    {
        var rows = byForceMonth.Where("force_slug", force);
        return Chart.Line<string, long, string>(rows.Values<string>("period"), rows.Values<long>("rows_loaded"), Name: force, ShowMarkers: true,
            LineColor: Color.fromHex(ChartJson.Colours[i % ChartJson.Colours.Length]));
    })).WithYAxisStyle<double, double, string>(TitleText: "street records loaded");
    notebook.Figure(forceChart, $"Police street records loaded by force and month, run {runId} (a month missing from a line was not in this run)", byForceMonth, "police-by-force-month.csv");

    // 3. What it rejected, by rule (line numbers folded out of the reason so that one rule is one row), and by file.
    notebook.Report.Heading("3. What the run rejected");
    var rejects = notebook.Query("""
        SELECT source_path, line_number, field, reason, regexp_replace(reason, '[0-9]+', 'N', 'g') AS rule, raw_text
        FROM meta.rejects WHERE run_id = $run ORDER BY source_path, line_number
        """, new { run = runId });
    if (rejects.Rows.Count == 0) notebook.Report.Paragraph("The run rejected no rows.");
    else
    {
        rejects.Columns.Add(new Int64DataFrameColumn("rows", Enumerable.Repeat(1L, (int)rejects.Rows.Count)));
        var byRule = rejects.GroupBy<string>("rule").Sum("rows").OrderByDescending("rows");
        notebook.Figure(Chart.Bar<long, string, string>(byRule.Values<long>("rows"), byRule.Values<string>("rule"), Name: "Rejected rows",
                MarkerColor: Color.fromHex(ChartJson.Colours[7])).WithXAxisStyle<double, double, string>(TitleText: "rows rejected"),
            $"Rows rejected by rule, run {runId}", byRule, "rejects-by-rule.csv");
        notebook.Table(rejects.GroupBy<string>("source_path").Sum("rows").OrderByDescending("rows"), $"Rows rejected by file, run {runId}", "rejects-by-file.csv");
    }
    // Written even when empty, so that a script reading the folder always finds it.
    notebook.Table(rejects.Select("source_path", "line_number", "field", "reason", "raw_text"), $"Every rejected row of run {runId}, with file, line, field and reason", "rejects.csv");

    // Rows loaded but not counted: a Crime ID published on more than one row counts once, from the row the
    // warehouse's rule keeps (warehouse/README.md, "A crime is counted once"); the others are set aside, named here.
    var setAside = notebook.Query("""
        SELECT aside.source_path, aside.source_line_number, aside.crime_id, aside.decided_by, aside.kept_source_path, aside.kept_line_number
        FROM marts.crime_records_set_aside AS aside
        JOIN meta.source_files AS files ON files.file_id = aside.source_file_id
        WHERE files.run_id = $run ORDER BY aside.source_path, aside.source_line_number
        """, new { run = runId });
    notebook.Table(setAside, $"Street rows of run {runId} set aside because their crime counts from another row", "set-aside.csv");

    // 4. What it changed: files that replaced an earlier version of the same source (a month published again), rows before and after.
    notebook.Report.Heading("4. What the run changed");
    var changes = notebook.Query("""
        SELECT new.replaces_key, new.source_path, old.run_id AS replaced_run, old.rows_loaded AS rows_before, new.rows_loaded AS rows_after,
               new.rows_loaded - old.rows_loaded AS change
        FROM meta.source_files AS new JOIN meta.source_files AS old ON old.superseded_by = new.file_id
        WHERE new.run_id = $run ORDER BY new.replaces_key
        """, new { run = runId });
    notebook.Report.Paragraph(changes.Rows.Count == 0
        ? "The run replaced no earlier file: everything it loaded was new to the warehouse."
        : $"The run replaced {changes.Rows.Count} earlier files, {Convert.ToInt64(changes["change"].Sum()):+#,##0;-#,##0;0} rows in all.");
    notebook.Table(changes, $"Files run {runId} replaced, rows before and after", "changes.csv");
});
