using Analytics.Etl.Inbox;
using Analytics.Etl.Pipeline;
using Analytics.Etl.Settings;

namespace Analytics.Etl.Scheduling;

/// <summary>Runs one of the tasks a schedule can name, as the command line's run and check would.</summary>
public sealed class ScheduledTaskRunner(EtlSettings settings, string warehouseDirectory, string? inboxDirectory, DownloadWiring download)
{
    public RunResult Run(string task, string trigger, IRunReporter reporter, CancellationToken cancellation) => task switch
    {
        ScheduledTask.Check => DataTestCheck.Run(warehouseDirectory, trigger, reporter),
        _ => EtlPipeline.Run(new RunOptions([], warehouseDirectory)
        {
            Trigger = trigger,
            SnapshotsToKeep = settings.SnapshotsToKeep,
            MemoryLimitMiB = settings.MemoryLimitMiB,
            Shrink = new Loading.ShrinkGuard(settings.MaxShrinkPercent),
            Inbox = new InboxOptions(inboxDirectory ?? throw new InvalidOperationException("no inbox is configured (Etl:Inbox)"), TimeSpan.FromSeconds(settings.SettleSeconds)),
            FetchIntoInbox = task == ScheduledTask.Download ? download.Fetch(warehouseDirectory, inboxDirectory) : null,
            Cancellation = cancellation,
        }, reporter),
    };
}
