namespace Analytics.Etl.Inbox;

/// <summary>What became of one inbox file, in the words written beside it in processed/ or rejected/.</summary>
public sealed record InboxVerdict(bool Accepted, string Reason)
{
    public string Note(string originalPath, string runId) =>
        $"""
        {(Accepted ? "Processed" : "Rejected")}: {originalPath}
        Run: {runId} ({DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC)
        {Reason}

        """;
}
