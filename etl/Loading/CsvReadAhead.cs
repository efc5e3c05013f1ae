using Analytics.Etl.Sources;

namespace Analytics.Etl.Loading;

/// <summary>
/// Prepares a run's CSV files (<see cref="PreparedCsv"/>: checksum and line scan) one file ahead of the file loop, on a
/// background task. The machine has two cores and the loop's C# part left DuckDB idle: now the next file's scan
/// overlaps DuckDB's parse of this one. One file ahead at most, so at most two clean copies are on disk at once; the
/// files are still taken, loaded and reported strictly in order.
/// </summary>
public sealed class CsvReadAhead : IDisposable
{
    private readonly IReadOnlyList<DiscoveredFile> files;
    private readonly string scratchDirectory;
    private readonly IReadOnlySet<string> loadedChecksums;
    private readonly CancellationTokenSource stop;
    private (int Index, Task<PreparedCsv> Preparation)? ahead;

    /// <param name="loadedChecksums">See <see cref="PreparedCsv.Prepare"/>.</param>
    public CsvReadAhead(IReadOnlyList<DiscoveredFile> files, string scratchDirectory, IReadOnlySet<string> loadedChecksums, CancellationToken cancellation)
    {
        (this.files, this.scratchDirectory, this.loadedChecksums) = (files, scratchDirectory, loadedChecksums);
        stop = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        StartFrom(0);
    }

    /// <summary>
    /// The file's preparation, waited for if it is not done, and the next CSV file's begun; null for a file that is not
    /// CSV. Files are taken in order; the caller disposes what it takes, deleting its clean copy.
    /// </summary>
    public PreparedCsv? Take(int index)
    {
        if (!PreparedCsv.Applies(files[index])) return null;
        if (ahead is not { } pending || pending.Index != index)
            throw new InvalidOperationException($"files are taken in order: file {index + 1} was asked for out of turn");
        var prepared = pending.Preparation.Result; // never faults: a preparation keeps its failures for the file's turn
        StartFrom(index + 1);
        return prepared;
    }

    private void StartFrom(int index)
    {
        ahead = null;
        var next = Enumerable.Range(index, files.Count - index).FirstOrDefault(i => PreparedCsv.Applies(files[i]), -1);
        if (next < 0) return;
        var (file, token) = (files[next], stop.Token);
        ahead = (next, Task.Run(() => PreparedCsv.Prepare(file, scratchDirectory, loadedChecksums, token), CancellationToken.None));
    }

    /// <summary>Stops a preparation still under way (the run failed or was stopped) and deletes its clean copy.</summary>
    public void Dispose()
    {
        stop.Cancel();
        if (ahead is { } pending) pending.Preparation.Result.Dispose();
        ahead = null;
        stop.Dispose();
    }
}
