namespace Analytics.Etl.Download;

/// <summary>
/// The file names already in the inbox: waiting to load, or moved to processed/ or rejected/ by a run. A file
/// there is not fetched again, whichever folder it is in: a rejected file would only be rejected again, and
/// staff who want it fetched again delete it.
/// </summary>
internal sealed class InboxContents
{
    private readonly HashSet<string> names;

    private InboxContents(HashSet<string> names) => this.names = names;

    public static InboxContents Read(string inbox)
    {
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        if (!Directory.Exists(inbox)) return new InboxContents(names);
        // Dot-folders (this downloader's scratch folder among them) and dot-files are not part of the inbox.
        var options = new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = FileAttributes.System };
        foreach (var path in Directory.EnumerateFiles(inbox, "*.csv", options))
            if (!Path.GetRelativePath(inbox, path).Split(Path.DirectorySeparatorChar).Any(part => part.StartsWith('.')))
                names.Add(Path.GetFileName(path));
        return new InboxContents(names);
    }

    public bool Holds(string fileName) => names.Contains(fileName);
}
