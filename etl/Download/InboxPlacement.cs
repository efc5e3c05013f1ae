namespace Analytics.Etl.Download;

/// <summary>
/// Moves complete CSVs from the scratch folder into &lt;inbox&gt;/police/YYYY-MM/. A rename on the same disk, so
/// the inbox never sees half a file; oldest month first and each month's street file last, so that the newest
/// street file being there means everything before it is there too.
/// </summary>
internal static class InboxPlacement
{
    public static IReadOnlyList<string> Place(IEnumerable<ExtractedFile> files, string inbox, Action<string> say)
    {
        var placed = new List<string>();
        var ordered = files
            .OrderBy(file => file.Entry.Month, StringComparer.Ordinal)
            .ThenBy(file => file.Entry.Kind == "street")
            .ThenBy(file => file.Entry.Force, StringComparer.Ordinal);
        foreach (var file in ordered)
        {
            var target = file.Entry.InboxPath(inbox);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            if (File.Exists(target))
            {
                say($"{file.Entry.FileName} appeared in the inbox during the download; the file there is kept");
                continue;
            }
            File.Move(file.TemporaryPath, target, overwrite: false);
            placed.Add(target);
        }
        return placed;
    }
}
