namespace Analytics.Etl.Download;

/// <summary>What a download decided and did, passed to the caller's log as it happens and kept for the outcome.</summary>
internal sealed class DownloadLog(Action<string> log)
{
    private readonly List<string> lines = [];

    public IReadOnlyList<string> Lines => lines;

    public void Say(string line)
    {
        lines.Add(line);
        log(line);
    }
}
