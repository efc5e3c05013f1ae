namespace Analytics.Etl.Download;

/// <summary>
/// The downloader's own folder inside the inbox, &lt;inbox&gt;/.download: the inbox ignores dot-folders, and being on
/// the inbox's own disk lets finished files be renamed into place (an atomic move) rather than copied. It holds
/// a lock, so only one download at a time works in an inbox, and one folder per download, removed afterwards
/// however the download ends (and, if the process was killed, by the next download).
/// </summary>
internal sealed class DownloadScratch : IDisposable
{
    public const string FolderName = ".download";

    private readonly FileStream lockFile;

    /// <summary>Where this download keeps the archive and the CSVs taken from it until they are complete.</summary>
    public string Directory { get; }

    /// <summary>Kept between downloads, beside the lock: which forces an archive month was found not to have.</summary>
    public string Root { get; }

    private DownloadScratch(string root, FileStream lockFile)
    {
        Root = root;
        this.lockFile = lockFile;
        Directory = Path.Combine(root, Guid.NewGuid().ToString("N"));
    }

    /// <summary>Takes the inbox's download lock and clears what an interrupted download left behind.</summary>
    /// <exception cref="IOException">Another download holds the lock.</exception>
    public static DownloadScratch Open(string inbox)
    {
        var root = System.IO.Directory.CreateDirectory(Path.Combine(inbox, FolderName)).FullName;
        // flock on Linux: the operating system releases it when the holder exits, however it exits.
        var lockFile = new FileStream(Path.Combine(root, "lock"), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        var scratch = new DownloadScratch(root, lockFile);
        try
        {
            foreach (var leftover in System.IO.Directory.GetDirectories(root)) TryDelete(leftover);
            System.IO.Directory.CreateDirectory(scratch.Directory);
            return scratch;
        }
        catch
        {
            scratch.Dispose(); // releases the lock
            throw;
        }
    }

    public void Dispose()
    {
        TryDelete(Directory);
        lockFile.Dispose();
    }

    private static void TryDelete(string directory)
    {
        try { if (System.IO.Directory.Exists(directory)) System.IO.Directory.Delete(directory, recursive: true); }
        catch (IOException) { /* removed by the next download */ }
        catch (UnauthorizedAccessException) { /* removed by the next download */ }
    }
}
