namespace Analytics.Warehouse.Storage;

/// <summary>
/// The words a run ends with, once: written to the run journal and <c>meta.load_runs</c>, printed by the ETL and
/// shown by the dashboard's data page.
/// </summary>
public static class RunStatus
{
    /// <summary>A new snapshot was published (in <c>meta.load_runs</c> whether or not rows were rejected).</summary>
    public const string Published = "published";
    public const string PublishedWithRejects = "published with rejects";
    /// <summary>Every file was already loaded: the published snapshot stays as it is.</summary>
    public const string Unchanged = "unchanged";
    /// <summary>The data tests were run again on the published snapshot and pass.</summary>
    public const string Checked = "checked";
    public const string NothingToDo = "nothing to do";
    public const string Failed = "failed";
    /// <summary>Another run holds the warehouse.</summary>
    public const string Busy = "busy";
    /// <summary>Started and never finished: still running, or stopped without a word.</summary>
    public const string Interrupted = "running (or interrupted)";

    /// <summary>True when a run ended well: it published, or had nothing new, or its check passed.</summary>
    public static bool Succeeded(string status) => status is Published or PublishedWithRejects or Unchanged or Checked or NothingToDo;
}
