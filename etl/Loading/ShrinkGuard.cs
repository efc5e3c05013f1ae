using System.Globalization;
using Analytics.Etl.Sources;

namespace Analytics.Etl.Loading;

/// <summary>
/// A republished police force-month that has lost most of its records is refused rather than published: a
/// header-only or truncated download would otherwise replace a month's crimes with none and still count the month as
/// loaded. The share is the setting Etl:MaxShrinkPercent; --accept-shrink loads such a file when the loss is real.
/// </summary>
/// <param name="MaxShrinkPercent">The largest share of the loaded version's records a republished file may lose.</param>
/// <param name="Accept">Load it anyway (--accept-shrink): the publisher really withdrew the records.</param>
public sealed record ShrinkGuard(int MaxShrinkPercent = ShrinkGuard.DefaultMaxShrinkPercent, bool Accept = false)
{
    public const int DefaultMaxShrinkPercent = 50;

    /// <returns>A note for the run when a shrink was accepted; null when the file did not shrink past the limit.</returns>
    /// <exception cref="SourceFileException">naming the file, both counts and how to load it anyway.</exception>
    public string? Check(DiscoveredFile file, string kind, string what, long previous, string previousPath, long loaded)
    {
        if (!kind.StartsWith("police_", StringComparison.Ordinal) || previous == 0 || loaded * 100 >= previous * (100 - MaxShrinkPercent)) return null;
        var lost = ((previous - loaded) * 100.0 / previous).ToString("0.#", CultureInfo.InvariantCulture);
        var shrink = $"republishes {what} with {loaded:N0} records where the loaded version ({previousPath}) has {previous:N0}: {lost}% fewer";
        if (Accept) return $"{shrink}, accepted with --accept-shrink";
        throw new SourceFileException(file.SourcePath,
            $"{shrink}, more than Etl:MaxShrinkPercent ({MaxShrinkPercent}%) allows; nothing of it was loaded. If the publisher really " +
            "withdrew those records, load the file again with: run --accept-shrink");
    }
}
