using System.Runtime.ExceptionServices;
using Analytics.Etl.Sources;

namespace Analytics.Etl.Loading;

/// <summary>
/// The part of loading a CSV file that is C# alone: its checksum, then the line scan writing its clean copy
/// (<see cref="CsvLineScan"/>). Kept apart from DuckDB's part so that <see cref="CsvReadAhead"/> can do it for the next
/// file while DuckDB parses this one. Nothing is thrown while preparing: a failure is kept and thrown where loading
/// the file in turn meets it (the checksum's before the "unchanged" test, the scan's after it), so a file prepared
/// ahead fails at its own turn with the message it always had. Owns the clean copy: disposing deletes it.
/// </summary>
public sealed class PreparedCsv : IDisposable
{
    private readonly DiscoveredFile file;
    private readonly string scratchDirectory;
    private readonly string? sha256;
    private ExceptionDispatchInfo? checksumFailure, scanFailure;
    private CsvScan? scan;

    private PreparedCsv(DiscoveredFile file, string scratchDirectory)
    {
        (this.file, this.scratchDirectory) = (file, scratchDirectory);
        try { sha256 = FileLoader.Checksum(file.LocalPath); }
        catch (Exception failure) { checksumFailure = ExceptionDispatchInfo.Capture(failure); }
    }

    /// <summary>The files prepared this way; other kinds (workbooks, plans) are read in turn as they always were.</summary>
    public static bool Applies(DiscoveredFile file) => Path.GetExtension(file.FileName).Equals(".csv", StringComparison.OrdinalIgnoreCase);

    /// <param name="scratchDirectory">Where the clean copy is written (a folder of the run's own).</param>
    /// <param name="loadedChecksums">Checksums of the files loaded when the run began: a file with one of them is
    /// about to be skipped as unchanged, so it is not scanned (a no-op rerun scans nothing).</param>
    public static PreparedCsv Prepare(DiscoveredFile file, string scratchDirectory, IReadOnlySet<string> loadedChecksums, CancellationToken cancellation)
    {
        var prepared = new PreparedCsv(file, scratchDirectory);
        if (prepared.sha256 is { } checksum && !loadedChecksums.Contains(checksum)) prepared.TryScan(cancellation);
        return prepared;
    }

    /// <summary>The file's SHA-256, or the failure to read it (a file removed since it was found).</summary>
    public string Sha256
    {
        get
        {
            checksumFailure?.Throw();
            return sha256!;
        }
    }

    /// <summary>Null until the file is scanned, and after disposal.</summary>
    public string? CleanCopy { get; private set; }

    /// <summary>
    /// The scan and its clean copy, or the scan's failure (an empty or UTF-16 file, too wide a header...). Scans now a
    /// file skipped as unchanged when the run began whose twin has since been replaced, so it has to load after all.
    /// </summary>
    public (CsvScan Scan, string CleanCopy) Scan(CancellationToken cancellation)
    {
        if (scan is null && scanFailure is null) TryScan(cancellation);
        scanFailure?.Throw();
        return (scan!, CleanCopy!);
    }

    private void TryScan(CancellationToken cancellation)
    {
        try
        {
            if (new FileInfo(file.LocalPath).Length == 0)
                throw new SourceFileException(file.SourcePath, "the file is empty: there is no header line");
            Directory.CreateDirectory(scratchDirectory);
            CleanCopy = Path.Combine(scratchDirectory, "clean-" + Guid.NewGuid().ToString("N") + ".csv");
            scan = CsvLineScan.Scan(file, CleanCopy, cancellation);
        }
        catch (Exception failure)
        {
            Dispose(); // a half-written copy is never left behind
            scanFailure = ExceptionDispatchInfo.Capture(failure);
        }
    }

    public void Dispose()
    {
        if (CleanCopy is { } cleanCopy) File.Delete(cleanCopy);
        CleanCopy = null;
    }
}
