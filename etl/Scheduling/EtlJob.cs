using Analytics.Etl.Logging;
using Analytics.Etl.Pipeline;
using Analytics.Etl.Settings;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Quartz;

namespace Analytics.Etl.Scheduling;

/// <summary>
/// One firing of a scheduled job. Quartz runs one firing at a time in this process (a one-thread pool); the
/// warehouse lock keeps it from overlapping runs of other schedulers or of a manual run, which makes it skip.
/// </summary>
public sealed partial class EtlJob(ScheduledTaskRunner runner, ScheduleState state, IHostApplicationLifetime lifetime, ILogger<EtlJob> logger) : IJob
{
    public const string TaskKey = "task";
    public const string CatchUpKey = "catch-up";

    public ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        var job = context.JobDetail.Key.Name;
        var task = context.MergedJobDataMap.GetString(TaskKey) ?? ScheduledTask.Inbox;
        var catchUp = context.MergedJobDataMap.ContainsKey(CatchUpKey);
        var scheduledFor = context.ScheduledFireTimeUtc ?? context.FireTimeUtc;
        using var stopping = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, lifetime.ApplicationStopping);
        LogFiring(logger, job, task, scheduledFor, catchUp);

        var result = runner.Run(task, $"schedule:{job}" + (catchUp ? " (catch-up)" : ""), new LoggingReporter(logger), stopping.Token);
        if (result.ExitCode == ExitCode.Busy)
            LogSkipped(logger, job);
        else if (result.ExitCode != ExitCode.Stopped)
            state.Completed(job, catchUp ? DateTimeOffset.UtcNow : scheduledFor);
        return ValueTask.CompletedTask;
    }

    [LoggerMessage(EventId = 200, EventName = "job_firing", Level = LogLevel.Information, Message = "job {Job} ({Task}) firing for {ScheduledFor:o}; catch-up: {CatchUp}")]
    private static partial void LogFiring(ILogger logger, string job, string task, DateTimeOffset scheduledFor, bool catchUp);

    [LoggerMessage(EventId = 201, EventName = "job_skipped", Level = LogLevel.Warning, Message = "job {Job} skipped: another ETL run holds the warehouse; the next firing will pick up what is waiting")]
    private static partial void LogSkipped(ILogger logger, string job);
}
