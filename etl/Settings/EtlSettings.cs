namespace Analytics.Etl.Settings;

/// <summary>The "Etl" section of etlsettings.json (or Etl__* environment variables, or a --settings file).</summary>
public sealed class EtlSettings
{
    public const string Section = "Etl";

    /// <summary>The folder data staff drop files into; relative paths are resolved against the repository root, as the warehouse is.</summary>
    public string? Inbox { get; set; }

    /// <summary>Seconds a file must go unchanged before a run takes it.</summary>
    public int SettleSeconds { get; set; } = 60;

    /// <summary>Snapshots kept after publishing: one by default, so a run holds the folder to the published snapshot and
    /// its working copy (each older one kept costs a snapshot's size, and gives repair one to fall back on).</summary>
    public int SnapshotsToKeep { get; set; } = 1;

    public const int DefaultMemoryLimitMiB = 1024;

    /// <summary>DuckDB's memory limit for a run, in MiB: beyond it sorts, joins and aggregates spill to the run's work
    /// folder instead of growing, so a national load stays within a small server's memory.</summary>
    public int MemoryLimitMiB { get; set; } = DefaultMemoryLimitMiB;

    /// <summary>A republished police force-month that loses more than this share of its records is refused (run --accept-shrink loads it).</summary>
    public int MaxShrinkPercent { get; set; } = Loading.ShrinkGuard.DefaultMaxShrinkPercent;

    /// <summary>The time zone schedules are read in (an IANA name such as Europe/London, or UTC).</summary>
    public string TimeZone { get; set; } = "Europe/London";

    /// <summary>How long a stop (Ctrl+C, SIGTERM) waits for the current run to reach a point where it can stop cleanly.</summary>
    public int StopGraceSeconds { get; set; } = 120;

    /// <summary>Jobs by name. Keyed rather than listed, so a later settings file or an environment variable
    /// (Etl__Schedule__inbox__Cron) changes one job without renumbering the others.</summary>
    public Dictionary<string, ScheduledJob> Schedule { get; set; } = [];
}

/// <summary>One job of the schedule; its name (the key) appears in logs, the run journal (trigger schedule:NAME) and the schedule state.</summary>
public sealed class ScheduledJob
{
    /// <summary>Crontab's five fields (minute hour day-of-month month day-of-week, "0 * * * *" for every hour), or
    /// Quartz's six or seven with seconds first.</summary>
    public string Cron { get; set; } = "";

    /// <summary>inbox (load new inbox files), download (fetch the newest police month into the inbox, then load it)
    /// or check (run every data test on the published snapshot).</summary>
    public string Task { get; set; } = ScheduledTask.Inbox;

    public bool Enabled { get; set; } = true;
}

public static class ScheduledTask
{
    public const string Inbox = "inbox";
    public const string Download = "download";
    public const string Check = "check";
    public static readonly IReadOnlyList<string> All = [Inbox, Download, Check];
}
