namespace Analytics.Etl.Inbox;

/// <summary>A file taken from the inbox for a run: where it lies, and the private copy the run reads.</summary>
/// <param name="Length">Size when taken; a file that changes afterwards is a newer version and stays in the inbox.</param>
public sealed record InboxFile(string OriginalPath, string RelativePath, string CopyPath, long Length, DateTime LastWriteUtc)
{
    public bool ChangedSinceTaken()
    {
        var now = new FileInfo(OriginalPath);
        return !now.Exists || now.Length != Length || now.LastWriteTimeUtc != LastWriteUtc;
    }
}
