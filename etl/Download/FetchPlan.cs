namespace Analytics.Etl.Download;

/// <summary>
/// Which configured forces need the newest archive: those with nothing loaded, or loaded only up to an older
/// month, whose newest-month street file is not already in the inbox. The rest are each given a reason.
/// </summary>
internal sealed record FetchPlan(IReadOnlyList<string> Forces, IReadOnlyList<string> Reasons)
{
    public static FetchPlan Decide(
        IEnumerable<string> forces, Func<string, string?> latestLoaded, string month, InboxContents inbox,
        IReadOnlyDictionary<string, string> earlierFindings)
    {
        var (needed, reasons) = (new List<string>(), new List<string>());
        foreach (var force in forces)
        {
            var latest = latestLoaded(force);
            var newest = PoliceArchiveEntry.FileNameFor(month, force, "street");
            if (!ArchiveMonths.IsAfter(month, latest))
                reasons.Add($"{force}: loaded up to {latest}; the newest archive is {month}");
            else if (inbox.Holds(newest))
                reasons.Add($"{force}: {newest} is already in the inbox");
            else if (earlierFindings.TryGetValue(force, out var finding))
                reasons.Add(finding == ArchiveFindings.NotInArchive
                    ? NotInArchive(force, month) + " (found when it was downloaded)"
                    : $"{force}: the {month} archive has no {month} street file for this force (found when it was downloaded)");
            else needed.Add(force);
        }
        return new FetchPlan(needed, reasons);
    }

    public static string NotInArchive(string force, string month) =>
        $"force '{force}' is not in the {month} archive: check its spelling in {PoliceArchiveSettings.Section}:Forces";
}
