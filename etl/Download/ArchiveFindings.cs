namespace Analytics.Etl.Download;

/// <summary>
/// Forces a downloaded archive turned out not to have (misspelt, or not publishing that month), kept in the
/// scratch folder so that the next runs report them again without downloading the same archive again for them.
/// A newer archive is checked afresh.
/// </summary>
internal static class ArchiveFindings
{
    public const string NotInArchive = "not-in-archive";
    public const string NoNewestMonth = "no-newest-month";

    public static IReadOnlyDictionary<string, string> Read(string scratchRoot, string month)
    {
        var path = PathFor(scratchRoot, month);
        if (!File.Exists(path)) return new Dictionary<string, string>();
        return File.ReadAllLines(path)
            .Select(line => line.Split(' ', 2))
            .Where(parts => parts.Length == 2)
            .ToDictionary(parts => parts[1], parts => parts[0], StringComparer.Ordinal);
    }

    /// <summary>Replaces what was kept for any month: only the newest archive matters.</summary>
    public static void Write(string scratchRoot, string month, IReadOnlyDictionary<string, string> findingByForce)
    {
        foreach (var old in Directory.GetFiles(scratchRoot, "findings-*.txt")) File.Delete(old);
        if (findingByForce.Count == 0) return;
        var temporary = PathFor(scratchRoot, month) + ".tmp";
        File.WriteAllLines(temporary, findingByForce.Select(pair => $"{pair.Value} {pair.Key}"));
        File.Move(temporary, PathFor(scratchRoot, month), overwrite: true);
    }

    private static string PathFor(string scratchRoot, string month) => Path.Combine(scratchRoot, $"findings-{month}.txt");
}
