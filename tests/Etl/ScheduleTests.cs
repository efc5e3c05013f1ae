using System.Diagnostics;
using System.Text.Json;
using Analytics.Etl.Pipeline;
using Analytics.Tests.Support;
using Analytics.Warehouse.Storage;
using Xunit.Abstractions;

namespace Analytics.Tests.Etl;

/// <summary>etl schedule as data staff run it: a process of its own, on cron schedules by the second, stopped by SIGTERM.</summary>
public sealed class ScheduleTests(ITestOutputHelper output) : IDisposable
{
    private readonly TemporaryWarehouse warehouse = new();
    private string Inbox => Path.Combine(warehouse.Root + "-inputs", "inbox");

    [Fact]
    public async Task Scheduled_inbox_runs_load_a_dropped_file_onto_the_dashboard_and_SIGTERM_stops_cleanly()
    {
        PublishGeography();
        using var dashboard = new DashboardFactory(warehouse.Root);
        using var client = dashboard.CreateClient();
        using var scheduler = Schedule(Settings(("inbox", "*/2 * * * * ?", "inbox")));
        Assert.True(scheduler.WaitForLine("scheduler started", TimeSpan.FromMinutes(1)), scheduler.Output);

        var landed = Stopwatch.StartNew();
        DropAtomically("2025-01-kent-street.csv", PoliceCsv.KentLines("2025-01/2025-01-kent-street.csv"));
        string page;
        do
        {
            await Task.Delay(100);
            page = await client.GetStringAsync("/data");
        } while (!page.Contains("2025-01-kent-street.csv", StringComparison.Ordinal) && landed.Elapsed < TimeSpan.FromMinutes(2));
        landed.Stop();
        Assert.Contains("2025-01-kent-street.csv", page);
        output.WriteLine($"inbox to dashboard: {landed.Elapsed.TotalSeconds:N1} s (settle 1 s, firing every 2 s)");

        EtlSignals.Terminate(scheduler.Id);
        Assert.Equal(0, scheduler.WaitForExit(TimeSpan.FromMinutes(1)));
        Assert.Contains("scheduler stopped", scheduler.Output);
        var events = JsonLines(scheduler.Output);
        Assert.All(events, line => Assert.True(line.TryGetProperty("time", out _) && line.TryGetProperty("level", out _) && line.TryGetProperty("event", out _)));
        var finished = Assert.Single(events, line => line.GetProperty("event").GetString() == "run_finished");
        var runId = finished.GetProperty("run_id").GetString();
        Assert.Equal(runId, new RunJournal(warehouse.Directory).Recent(1)[0].RunId);
        Assert.Equal("published", finished.GetProperty("status").GetString());
        Assert.Contains(events, line => line.GetProperty("event").GetString() == "file_done"
            && line.GetProperty("run_id").GetString() == runId && line.GetProperty("rows_loaded").GetInt64() > 0);
        Assert.Equal("schedule:inbox", new RunJournal(warehouse.Directory).Recent(1)[0].Trigger);
    }

    [Fact]
    public void A_firing_missed_while_no_scheduler_ran_is_made_up_once_at_start()
    {
        PublishGeography();
        var state = new Analytics.Etl.Scheduling.ScheduleState(warehouse.Directory);
        state.Completed("nightly", DateTimeOffset.UtcNow.AddDays(-3)); // three nightly firings missed
        var settings = Settings(("nightly", "0 0 3 * * ?", "check"));

        using (var scheduler = Schedule(settings))
        {
            Assert.True(scheduler.WaitForLine("run_finished", TimeSpan.FromMinutes(1)) || scheduler.WaitForLine("checked", TimeSpan.FromSeconds(1)), scheduler.Output);
            Thread.Sleep(TimeSpan.FromSeconds(3)); // time for any further (wrong) catch-up firings
            EtlSignals.Terminate(scheduler.Id);
            Assert.Equal(0, scheduler.WaitForExit(TimeSpan.FromMinutes(1)));
        }
        using (var again = Schedule(settings))
        {
            Assert.True(again.WaitForLine("scheduler started", TimeSpan.FromMinutes(1)), again.Output);
            Thread.Sleep(TimeSpan.FromSeconds(3));
            EtlSignals.Terminate(again.Id);
            Assert.Equal(0, again.WaitForExit(TimeSpan.FromMinutes(1)));
        }

        var runs = new RunJournal(warehouse.Directory).Recent(20).Where(run => run.Trigger.StartsWith("schedule:nightly", StringComparison.Ordinal)).ToList();
        var catchUp = Assert.Single(runs);
        Assert.Equal("schedule:nightly (catch-up)", catchUp.Trigger);
        Assert.Equal("checked", catchUp.Status);
        Assert.True(state.LastCompleted("nightly") > DateTimeOffset.UtcNow.AddMinutes(-5));
    }

    [Fact]
    public void Two_schedulers_and_a_manual_run_on_one_warehouse_never_overlap()
    {
        PublishGeography();
        var settings = Settings(("checks", "* * * * * ?", "check"));
        using var first = Schedule(settings);
        using var second = Schedule(settings);
        Assert.True(first.WaitForLine("scheduler started", TimeSpan.FromMinutes(1)) && second.WaitForLine("scheduler started", TimeSpan.FromMinutes(1)));
        using (var manual = new EtlProcess("run", "--source", RepositoryPaths.KentZip, "--warehouse", warehouse.Root, "--plain"))
        {
            var exit = manual.WaitForExit(TimeSpan.FromMinutes(3));
            Assert.True(exit is 0 or 4, manual.Output); // it runs, or finds a check holding the warehouse
        }
        Thread.Sleep(TimeSpan.FromSeconds(3));
        EtlSignals.Terminate(first.Id);
        EtlSignals.Terminate(second.Id);
        Assert.Equal(0, first.WaitForExit(TimeSpan.FromMinutes(1)));
        Assert.Equal(0, second.WaitForExit(TimeSpan.FromMinutes(1)));

        var runs = new RunJournal(warehouse.Directory).Recent(1000).Where(run => run.FinishedAt is not null).OrderBy(run => run.StartedAt).ToList();
        output.WriteLine($"{runs.Count} runs; skipped as busy: {Count(first.Output, "job_skipped") + Count(second.Output, "job_skipped")}");
        Assert.True(runs.Count >= 4, $"only {runs.Count} runs");
        Assert.Contains(runs, run => run.Trigger == "schedule:checks");
        for (var i = 1; i < runs.Count; i++)
            Assert.True(runs[i].StartedAt >= runs[i - 1].FinishedAt, $"{runs[i - 1].RunId} ({runs[i - 1].StartedAt:O}-{runs[i - 1].FinishedAt:O}) overlaps {runs[i].RunId} ({runs[i].StartedAt:O})");
    }

    [Fact]
    public void SIGTERM_during_a_run_stops_it_without_publishing_and_leaves_its_files_in_the_inbox()
    {
        PublishGeography();
        var pointer = File.ReadAllText(warehouse.Directory.PointerPath);
        Directory.CreateDirectory(Inbox);
        var zip = Path.Combine(Inbox, "kent.zip");
        File.Copy(RepositoryPaths.KentZip, zip);
        File.SetLastWriteTimeUtc(zip, DateTime.UtcNow.AddMinutes(-5));
        using var scheduler = Schedule(Settings(("inbox", "*/2 * * * * ?", "inbox")));

        Assert.True(scheduler.WaitForLine("files found", TimeSpan.FromMinutes(1)), scheduler.Output);
        EtlSignals.Terminate(scheduler.Id);

        Assert.Equal(0, scheduler.WaitForExit(TimeSpan.FromMinutes(1)));
        Assert.Equal("stopped", new RunJournal(warehouse.Directory).Recent(1)[0].Status);
        Assert.Equal(pointer, File.ReadAllText(warehouse.Directory.PointerPath));
        Assert.True(File.Exists(zip), "a file whose run was stopped waits for the next run");
        Assert.Empty(Directory.GetDirectories(warehouse.Directory.WorkDirectory));
    }

    [Theory]
    [InlineData("every hour", "inbox", "UTC", "Etl:Schedule:hourly:Cron 'every hour' is not a cron expression")]
    [InlineData("0 * * * *", "reload", "UTC", "Etl:Schedule:hourly:Task 'reload' is not one of inbox, download, check")]
    [InlineData("0 * * * *", "inbox", "Kent/Maidstone", "Etl:TimeZone 'Kent/Maidstone' is not a time zone")]
    [InlineData("0 * * * *", "download", "UTC", "the download needs settings: Etl:Download:Forces")]
    public void A_schedule_setting_that_cannot_work_stops_the_start_naming_the_setting(string cron, string task, string zone, string message)
    {
        var path = Path.Combine(warehouse.Inputs, "bad-settings.json");
        File.WriteAllText(path, JsonSerializer.Serialize(new
        {
            Etl = new
            {
                Inbox, TimeZone = zone,
                Schedule = new Dictionary<string, object>
                {
                    ["inbox"] = new { Enabled = false }, ["nightly-data-tests"] = new { Enabled = false }, ["police-download"] = new { Enabled = false },
                    ["hourly"] = new { Cron = cron, Task = task },
                },
            },
        }));
        var (output, errors) = (new StringWriter(), new StringWriter());

        var exitCode = Analytics.Etl.Cli.EtlProgram.Execute(["schedule", "--settings", path, "--warehouse", warehouse.Root], output, errors);

        Assert.Equal(64, exitCode);
        Assert.Contains(message, errors.ToString());
    }

    private void PublishGeography() => Assert.Equal(ExitCode.Success, warehouse.Run(RepositoryPaths.KentGeography).ExitCode);

    private string Settings(params (string Name, string Cron, string Task)[] jobs)
    {
        var schedule = new Dictionary<string, object>
        {
            ["inbox"] = new { Enabled = false }, ["nightly-data-tests"] = new { Enabled = false }, ["police-download"] = new { Enabled = false },
        };
        foreach (var (name, cron, task) in jobs) schedule[name] = new { Cron = cron, Task = task, Enabled = true };
        var path = Path.Combine(warehouse.Inputs, "schedule-settings.json");
        File.WriteAllText(path, JsonSerializer.Serialize(new
        {
            Etl = new { Inbox, SettleSeconds = 1, TimeZone = "UTC", StopGraceSeconds = 60, Schedule = schedule },
        }));
        return path;
    }

    private EtlProcess Schedule(string settings) =>
        new("schedule", "--warehouse", warehouse.Root, "--settings", settings);

    private void DropAtomically(string name, List<string> lines)
    {
        Directory.CreateDirectory(Inbox);
        var partial = PoliceCsv.Write(Inbox, name + ".part", [.. lines]);
        File.Move(partial, Path.Combine(Inbox, name));
    }

    private static List<JsonElement> JsonLines(string text) =>
        text.Split('\n').Where(line => line.StartsWith('{')).Select(line => JsonDocument.Parse(line).RootElement.Clone()).ToList();

    private static int Count(string text, string word) => text.Split(word).Length - 1;

    public void Dispose() => warehouse.Dispose();
}
