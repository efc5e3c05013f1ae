using Analytics.Etl.Cli;
using Analytics.Etl.Logging;
using Analytics.Etl.Settings;
using Analytics.Warehouse.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Quartz;

namespace Analytics.Etl.Scheduling;

/// <summary>
/// etl schedule: a .NET generic host running Quartz.NET with the jobs of Etl:Schedule, until Ctrl+C or SIGTERM.
/// On stop the current run is asked to stop at its next step (it publishes nothing half-done) and the host waits
/// for it up to Etl:StopGraceSeconds. A job whose firing was missed while no scheduler ran fires once at start.
/// </summary>
public static partial class ScheduleHost
{
    public static int Run(EtlSettings settings, string warehouseDirectory, string? inboxDirectory, DownloadWiring download, bool jsonLogs)
    {
        var zone = TimeZoneFor(settings.TimeZone);
        var jobs = ValidJobs(settings, inboxDirectory);
        if (jobs.Any(job => job.Job.Task == ScheduledTask.Download)) download.CheckReady(inboxDirectory); // wrong settings stop the start, not a firing at 7am
        var warehouse = new WarehouseDirectory(warehouseDirectory);
        var state = new ScheduleState(warehouse);
        var missed = jobs.ToDictionary(job => job.Name, job => Missed(state, job.Name, job.Job, zone)); // once, so logs say what was scheduled

        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Logging.AddEtlConsole(jsonLogs);
        builder.Services.AddSingleton(state);
        builder.Services.AddSingleton(new ScheduledTaskRunner(settings, warehouseDirectory, inboxDirectory, download));
        builder.Services.Configure<HostOptions>(options => options.ShutdownTimeout = TimeSpan.FromSeconds(settings.StopGraceSeconds));
        builder.Services.AddQuartz(quartz =>
        {
            quartz.UseDefaultThreadPool(1); // one run at a time in this process
            foreach (var (name, job) in jobs)
            {
                quartz.AddJob<EtlJob>(configure => configure.WithIdentity(name).UsingJobData(EtlJob.TaskKey, job.Task));
                quartz.AddTrigger(trigger => trigger.ForJob(name).WithIdentity(name)
                    .WithCronSchedule(Cron(job, zone), cron => cron.InTimeZone(zone).WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed)));
                if (missed[name] is { } due)
                    quartz.AddTrigger(trigger => trigger.ForJob(name).WithIdentity(name + "-catch-up").UsingJobData(EtlJob.CatchUpKey, due.ToString("o")).StartNow());
            }
        });
        builder.Services.AddQuartzHostedService(options => options.WaitForJobsToComplete = true);

        using var host = builder.Build();
        var logger = host.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Analytics.Etl.Schedule");
        foreach (var (name, job) in jobs)
        {
            var next = Cron(job, zone).GetNextValidTimeAfter(DateTimeOffset.UtcNow);
            var last = state.LastCompleted(name)?.ToString("o", System.Globalization.CultureInfo.InvariantCulture) ?? "never";
            LogJob(logger, name, job.Task, job.Cron, zone.Id, next, last, missed[name] is not null);
        }
        LogStarted(logger, warehouse.Root, inboxDirectory);
        host.Run();
        LogStopped(logger);
        return 0;
    }

    /// <summary>The first firing after the last completed one, if it is already past: one catch-up, however many were missed.</summary>
    internal static DateTimeOffset? Missed(ScheduleState state, string name, ScheduledJob job, TimeZoneInfo zone)
    {
        if (state.LastCompleted(name) is not { } last) return null;
        var next = Cron(job, zone).GetNextValidTimeAfter(last);
        return next is { } due && due <= DateTimeOffset.UtcNow ? due : null;
    }

    private static List<(string Name, ScheduledJob Job)> ValidJobs(EtlSettings settings, string? inboxDirectory)
    {
        var jobs = settings.Schedule.Where(pair => pair.Value.Enabled).Select(pair => (pair.Key, pair.Value)).OrderBy(pair => pair.Key, StringComparer.Ordinal).ToList();
        if (jobs.Count == 0) throw new UsageException("Etl:Schedule has no enabled jobs; add one to etlsettings.json, e.g. \"inbox\": { \"Cron\": \"0 * * * *\", \"Task\": \"inbox\" }");
        foreach (var (name, job) in jobs)
        {
            if (!CronExpression.TryParse(job.Cron, FormatOf(job.Cron), out _))
                throw new UsageException($"Etl:Schedule:{name}:Cron '{job.Cron}' is not a cron expression: five fields as in crontab (minute hour day-of-month month day-of-week, e.g. \"0 * * * *\" for every hour), or six or seven in Quartz's form with seconds first");
            if (!ScheduledTask.All.Contains(job.Task))
                throw new UsageException($"Etl:Schedule:{name}:Task '{job.Task}' is not one of {string.Join(", ", ScheduledTask.All)}");
            if (job.Task != ScheduledTask.Check && inboxDirectory is null)
                throw new UsageException($"Etl:Schedule:{name} loads the inbox, but no inbox is configured (Etl:Inbox)");
        }
        return jobs;
    }

    /// <summary>Five fields read as crontab does; six or seven as Quartz does (seconds first), which allows schedules by the second.</summary>
    internal static CronExpression Cron(ScheduledJob job, TimeZoneInfo zone) =>
        CronExpression.Parse(job.Cron, FormatOf(job.Cron)).WithTimeZone(zone);

    private static CronFormat FormatOf(string cron) =>
        cron.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length == 5 ? CronFormat.Unix : CronFormat.Quartz;

    private static TimeZoneInfo TimeZoneFor(string id)
    {
        try { return TimeZoneInfo.FindSystemTimeZoneById(id); }
        catch (TimeZoneNotFoundException) { throw new UsageException($"Etl:TimeZone '{id}' is not a time zone this machine knows; use an IANA name such as Europe/London, or UTC"); }
    }

    [LoggerMessage(EventId = 300, EventName = "schedule_started", Level = LogLevel.Information, Message = "scheduler started on warehouse {Warehouse}, inbox {Inbox}; stop with Ctrl+C or SIGTERM")]
    private static partial void LogStarted(ILogger logger, string warehouse, string? inbox);

    [LoggerMessage(EventId = 301, EventName = "schedule_job", Level = LogLevel.Information,
        Message = "job {Job} ({Task}) on '{Cron}' ({TimeZone}): next {NextFiring:o}, last completed {LastCompleted}, catch-up now: {CatchUp}")]
    private static partial void LogJob(ILogger logger, string job, string task, string cron, string timeZone, DateTimeOffset? nextFiring, string lastCompleted, bool catchUp);

    [LoggerMessage(EventId = 302, EventName = "schedule_stopped", Level = LogLevel.Information, Message = "scheduler stopped")]
    private static partial void LogStopped(ILogger logger);
}
