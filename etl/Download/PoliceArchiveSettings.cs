using System.Globalization;
using System.Text.RegularExpressions;
using Analytics.Etl.Sources;

namespace Analytics.Etl.Download;

/// <summary>
/// The settings section "Download": where data.police.uk's monthly archives are and which forces to take from
/// them. Property names are the setting names, so <see cref="Validate"/> can name the setting at fault.
/// </summary>
public sealed partial record PoliceArchiveSettings
{
    public const string Section = "Download";
    public const string MonthPlaceholder = "{month}";
    public const string DefaultArchiveAddress = "https://data.police.uk/data/archive/{month}.zip";

    /// <summary>The archive's address with {month} where its YYYY-MM goes.</summary>
    public string ArchiveAddress { get; init; } = DefaultArchiveAddress;

    /// <summary>Forces as data.police.uk spells them in file names: kent, city-of-london, metropolitan.</summary>
    public IReadOnlyList<string> Forces { get; init; } = [];

    /// <summary>How many months back from last month to look for the newest archive; it usually appears a few weeks after the month.</summary>
    public int MonthsToProbe { get; init; } = 4;

    /// <summary>A full archive (every force, 36 months) is well over 1 GB; this stops a wrong address filling the disk.</summary>
    public long MaxDownloadBytes { get; init; } = 4L * 1024 * 1024 * 1024;

    /// <summary>How long to wait for the server to answer, or for the next bytes of a download, before giving up.</summary>
    public int TimeoutSeconds { get; init; } = 60;

    /// <summary>Bounds on what the CSVs taken from the archive may expand to (a zip bomb fails the download).</summary>
    public ZipLimits ExtractLimits { get; init; } = ZipLimits.Default;

    public TimeSpan Timeout => TimeSpan.FromSeconds(TimeoutSeconds);

    public string AddressFor(string month) => ArchiveAddress.Replace(MonthPlaceholder, month, StringComparison.Ordinal);

    /// <summary>Every problem with the settings, each naming its setting; empty when they can be used.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(ArchiveAddress))
            problems.Add($"{Section}:ArchiveAddress is empty; data.police.uk's is {DefaultArchiveAddress}");
        else if (!ArchiveAddress.Contains(MonthPlaceholder, StringComparison.Ordinal))
            problems.Add($"{Section}:ArchiveAddress must contain {MonthPlaceholder} where the archive's month (YYYY-MM) goes, as in {DefaultArchiveAddress}");
        else if (!Uri.TryCreate(AddressFor("2025-01"), UriKind.Absolute, out var address) || address.Scheme is not ("http" or "https"))
            problems.Add($"{Section}:ArchiveAddress must be an http or https address, not '{ArchiveAddress}'");

        if (Forces.Count == 0)
            problems.Add($"{Section}:Forces must name at least one force as data.police.uk spells it in file names, such as kent or city-of-london");
        foreach (var force in Forces.Where(force => !ForceSlug().IsMatch(force ?? "")))
            problems.Add($"{Section}:Forces: '{force}' is not a force as data.police.uk spells it in file names; use lower-case words joined by hyphens, such as kent or city-of-london");
        foreach (var repeated in Forces.GroupBy(force => force, StringComparer.Ordinal).Where(group => group.Count() > 1))
            problems.Add($"{Section}:Forces names '{repeated.Key}' more than once");

        if (MonthsToProbe is < 1 or > 36)
            problems.Add($"{Section}:MonthsToProbe must be from 1 to 36 (data.police.uk keeps 36 months), not {MonthsToProbe.ToString(CultureInfo.InvariantCulture)}");
        if (MaxDownloadBytes < 1)
            problems.Add($"{Section}:MaxDownloadBytes must be above 0, not {MaxDownloadBytes.ToString(CultureInfo.InvariantCulture)}");
        if (TimeoutSeconds < 1)
            problems.Add($"{Section}:TimeoutSeconds must be above 0, not {TimeoutSeconds.ToString(CultureInfo.InvariantCulture)}");
        return problems;
    }

    [GeneratedRegex("^[a-z0-9]+(?:-[a-z0-9]+)*$")]
    private static partial Regex ForceSlug();
}
