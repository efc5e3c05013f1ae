namespace Analytics.Etl.Download;

/// <summary>
/// Fetches the newest data.police.uk monthly archive into the inbox, when some configured force has not yet
/// got its month: the street and outcomes CSVs of every month newer than the force's latest loaded one (only
/// the newest month for a force with nothing loaded), as &lt;inbox&gt;/police/YYYY-MM/YYYY-MM-force-street.csv.
/// The archive is streamed to &lt;inbox&gt;/.download/ and deleted afterwards; the CSVs appear whole, with the
/// archive's timestamps, or not at all.
/// </summary>
/// <param name="http">Used as given (proxy, handler); the settings' timeout is applied per request and per read.</param>
public sealed class PoliceArchiveDownloader(HttpClient http)
{
    private static readonly string[] LoadedKinds = ["street", "outcomes"];

    /// <param name="latestLoadedMonthByForce">Force slug to its latest loaded street month (YYYY-MM), or null or absent when nothing is loaded.</param>
    /// <param name="today">Decides which months to ask for, starting with last month.</param>
    /// <param name="log">Each decision and step, as it happens.</param>
    /// <exception cref="ArgumentException">Settings that do not pass <see cref="PoliceArchiveSettings.Validate"/>, or a loaded month not in YYYY-MM form.</exception>
    /// <exception cref="PoliceArchiveDownloadException">No answer, an HTTP error, a broken or oversized archive, the inbox's disk, or another download in the same inbox; the inbox is left as it was.</exception>
    /// <exception cref="OperationCanceledException">Cancelled; the inbox is left as it was.</exception>
    public async Task<DownloadOutcome> FetchNewestAsync(
        PoliceArchiveSettings settings, string inboxDirectory, IReadOnlyDictionary<string, string?> latestLoadedMonthByForce,
        DateOnly today, Action<string> log, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(log);
        if (settings.Validate() is { Count: > 0 } problems) throw new ArgumentException(string.Join("; ", problems), nameof(settings));
        var latest = LatestByForce(latestLoadedMonthByForce);
        var inbox = Path.GetFullPath(inboxDirectory);
        var report = new DownloadLog(log);

        using var found = await ArchiveProbe.FindNewestAsync(http, settings, today, report.Say, cancellation).ConfigureAwait(false);
        report.Say($"newest archive: {found.Month} at {found.Address}");
        try
        {
            return await FetchAsync(found, settings, inbox, latest, report, cancellation).ConfigureAwait(false);
        }
        catch (Exception failed) when (failed is IOException or UnauthorizedAccessException)
        {
            // The inbox's disk or permissions rather than the server: still a download that failed, named as one.
            throw new PoliceArchiveDownloadException(found.Address, failed.Message, failed);
        }
    }

    private static async Task<DownloadOutcome> FetchAsync(
        FoundArchive found, PoliceArchiveSettings settings, string inbox, Dictionary<string, string?> latest,
        DownloadLog report, CancellationToken cancellation)
    {
        using var scratch = OpenScratch(inbox, found.Address);
        var inboxContents = InboxContents.Read(inbox);
        var findings = new Dictionary<string, string>(ArchiveFindings.Read(scratch.Root, found.Month), StringComparer.Ordinal);
        var plan = FetchPlan.Decide(settings.Forces, force => latest.GetValueOrDefault(force), found.Month, inboxContents, findings);
        foreach (var reason in plan.Reasons) report.Say(reason);
        if (plan.Forces.Count == 0)
        {
            report.Say($"nothing to download: no force needs the {found.Month} archive");
            return Outcome(found, 0, [], settings, findings, report);
        }

        var archivePath = Path.Combine(scratch.Directory, $"{found.Month}.zip.part");
        var bytes = await ArchiveDownload.SaveAsync(found, archivePath, settings, report.Say, cancellation).ConfigureAwait(false);
        found.Dispose(); // the connection is not needed while extracting

        using var archive = PoliceArchive.Open(archivePath, found.Address, settings.ExtractLimits.MaxEntries);
        var wanted = plan.Forces
            .SelectMany(force => Select(archive, force, latest.GetValueOrDefault(force), found.Month, inboxContents, findings, report))
            .ToList();
        var extracted = archive.Extract(wanted, Path.Combine(scratch.Directory, "extracted"), settings.ExtractLimits, cancellation);
        var written = InboxPlacement.Place(extracted, inbox, report.Say);
        ArchiveFindings.Write(scratch.Root, found.Month, findings.Where(pair => settings.Forces.Contains(pair.Key)).ToDictionary());
        report.Say($"wrote {Files(written.Count)} into {Path.Combine(inbox, "police")}");
        return Outcome(found, bytes, written, settings, findings, report);
    }

    /// <summary>One force's street and outcomes CSVs that are newer than what is loaded and not already in the inbox.</summary>
    private static List<PoliceArchiveEntry> Select(
        PoliceArchive archive, string force, string? latest, string month, InboxContents inbox,
        Dictionary<string, string> findings, DownloadLog report)
    {
        if (!archive.Forces.Contains(force))
        {
            findings[force] = ArchiveFindings.NotInArchive;
            report.Say($"{FetchPlan.NotInArchive(force, month)}; it has {string.Join(", ", archive.Forces.Order(StringComparer.Ordinal))}");
            return [];
        }
        if (!archive.Entries.Any(entry => entry.Force == force && entry.Month == month && entry.Kind == "street"))
        {
            findings[force] = ArchiveFindings.NoNewestMonth;
            report.Say($"{force}: the {month} archive has no {month} street file for this force");
        }

        var newer = archive.Entries
            .Where(entry => entry.Force == force && LoadedKinds.Contains(entry.Kind))
            .Where(entry => latest is null ? entry.Month == month : ArchiveMonths.IsAfter(entry.Month, latest))
            .OrderBy(entry => entry.FileName, StringComparer.Ordinal)
            .ToList();
        foreach (var waiting in newer.Where(entry => inbox.Holds(entry.FileName)))
            report.Say($"{force}: {waiting.FileName} is already in the inbox; the file there is kept");
        var taking = newer.Where(entry => !inbox.Holds(entry.FileName)).ToList();
        report.Say(taking.Count == 0
            ? $"{force}: nothing to take from the archive"
            : $"{force}: taking {Files(taking.Count)} of {Months(taking[0].Month, taking[^1].Month)}"
              + (latest is null ? " (nothing is loaded for this force, so only the newest month)" : $" (loaded up to {latest})"));
        return taking;
    }

    private static string Files(int count) => count == 1 ? "1 file" : $"{count} files";

    private static string Months(string first, string last) => first == last ? first : $"{first} to {last}";

    private static DownloadOutcome Outcome(
        FoundArchive found, long bytes, IReadOnlyList<string> written, PoliceArchiveSettings settings,
        Dictionary<string, string> findings, DownloadLog report) =>
        new(found.Month, found.Address, bytes, written,
            settings.Forces.Where(force => findings.GetValueOrDefault(force) == ArchiveFindings.NotInArchive).ToList(),
            report.Lines);

    private static Dictionary<string, string?> LatestByForce(IReadOnlyDictionary<string, string?> latestLoadedMonthByForce)
    {
        ArgumentNullException.ThrowIfNull(latestLoadedMonthByForce);
        var latest = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (var (force, month) in latestLoadedMonthByForce)
        {
            if (month is not null && !ArchiveMonths.IsMonth(month))
                throw new ArgumentException($"the latest loaded month for '{force}' is '{month}', not a YYYY-MM month", nameof(latestLoadedMonthByForce));
            latest[force] = month;
        }
        return latest;
    }

    private static DownloadScratch OpenScratch(string inbox, string address)
    {
        try
        {
            return DownloadScratch.Open(inbox);
        }
        catch (IOException busy)
        {
            throw new PoliceArchiveDownloadException(address, $"could not take the download lock in {Path.Combine(inbox, DownloadScratch.FolderName)} (is another download into this inbox running?): {busy.Message}", busy);
        }
    }
}
