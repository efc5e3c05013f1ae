using System.Text.RegularExpressions;

namespace Analytics.Etl.Download;

/// <summary>One CSV in a data.police.uk archive, named YYYY-MM/YYYY-MM-force-kind.csv.</summary>
internal sealed partial record PoliceArchiveEntry(string EntryName, string Month, string Force, string Kind)
{
    public string FileName => FileNameFor(Month, Force, Kind);

    /// <summary>Where it goes in the inbox, built from the parsed parts only, so no entry name can point elsewhere.</summary>
    public string InboxPath(string inbox) => Path.Combine(inbox, "police", Month, FileName);

    /// <summary>Null for anything else in the archive (folders, other files, a folder month that differs from the file's).</summary>
    public static PoliceArchiveEntry? TryParse(string entryName)
    {
        var match = EntryNamePattern().Match(entryName);
        return match.Success && match.Groups[1].Value == match.Groups[2].Value
            ? new PoliceArchiveEntry(entryName, match.Groups[2].Value, match.Groups[3].Value, match.Groups[4].Value)
            : null;
    }

    /// <summary>The name a file of this force, month and kind has wherever it is (inbox, processed/, rejected/).</summary>
    public static string FileNameFor(string month, string force, string kind) => $"{month}-{force}-{kind}.csv";

    [GeneratedRegex(@"^(\d{4}-(?:0[1-9]|1[0-2]))/(\d{4}-(?:0[1-9]|1[0-2]))-([a-z0-9]+(?:-[a-z0-9]+)*?)-(street|outcomes|stop-and-search)\.csv$")]
    private static partial Regex EntryNamePattern();
}
