namespace Analytics.Etl.Sources;

/// <summary>Bounds on what one archive may expand to, so a zip bomb fails the run instead of filling the disk.</summary>
public sealed record ZipLimits(long MaxTotalBytes, long MaxEntryBytes, int MaxEntries, double MaxCompressionRatio)
{
    /// <summary>A year of a large force's street, outcomes and stop-and-search files is well under these.</summary>
    public static ZipLimits Default { get; } = new(
        MaxTotalBytes: 4L * 1024 * 1024 * 1024,
        MaxEntryBytes: 1L * 1024 * 1024 * 1024,
        MaxEntries: 10_000,
        MaxCompressionRatio: 200);
}
