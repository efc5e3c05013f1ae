namespace Analytics.Etl.Download;

/// <param name="ArchiveMonth">The newest archive found, YYYY-MM.</param>
/// <param name="Address">Its address.</param>
/// <param name="BytesDownloaded">0 when there was nothing new to fetch.</param>
/// <param name="FilesWritten">Full paths of the CSVs placed in the inbox, oldest month first.</param>
/// <param name="UnknownForces">Configured forces the archive has no files for: most likely misspelt.</param>
/// <param name="Messages">What was decided and why, one line each, as also passed to the log.</param>
public sealed record DownloadOutcome(
    string ArchiveMonth, string Address, long BytesDownloaded,
    IReadOnlyList<string> FilesWritten, IReadOnlyList<string> UnknownForces, IReadOnlyList<string> Messages);
