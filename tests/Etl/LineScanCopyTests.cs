using Analytics.Etl.Loading;
using Analytics.Etl.Pipeline;
using Analytics.Tests.Support;

namespace Analytics.Tests.Etl;

/// <summary>
/// The line scan's numbered copy of a CSV file is kept while the file loads (its rejects read their raw text from it)
/// and deleted as soon as the file is done, whatever became of it, so a long run holds two copies at most: the file
/// loading and the next, scanned ahead (<see cref="CsvReadAhead"/>).
/// </summary>
public sealed class LineScanCopyTests : IDisposable
{
    private readonly TemporaryWarehouse warehouse = new();

    public void Dispose() => warehouse.Dispose();

    [Fact]
    public void No_copy_outlives_its_file_loaded_with_rejects_loaded_clean_skipped_or_refused()
    {
        var folder = Path.Combine(warehouse.Inputs, "files");
        PoliceCsv.Write(folder, "2025-01-kent-street.csv", PoliceCsv.StreetHeader, PoliceCsv.Crime("c1"), PoliceCsv.Crime("c2", month: "2031-01"));
        PoliceCsv.Write(folder, "2025-02-kent-street.csv", PoliceCsv.StreetHeader, PoliceCsv.Crime("c3", month: "2025-02"));
        PoliceCsv.Write(folder, "2025-02-kent-stop-and-search.csv", string.Join(',', SourceSpecs.StopAndSearchHeader));
        PoliceCsv.Write(folder, "notes.csv", "what,why", "a,b");
        var reporter = new CopyCounter(warehouse.Root);

        var run = EtlPipeline.Run(new RunOptions([RepositoryPaths.KentGeography[0], folder], warehouse.Root), reporter);

        Assert.Equal(ExitCode.SourceUnreadable, run.ExitCode); // notes.csv matches no source
        Assert.Contains(run.Files, file => file.RowsRejected == 1);
        Assert.Contains(run.Files, file => file.Outcome == FileOutcome.Skipped);
        Assert.Equal(run.Files.Count + 1, reporter.CopiesSeen.Count);
        Assert.All(reporter.CopiesSeen, copies => Assert.InRange(copies, 0, 1)); // the next file's, if any
        Assert.Equal(0, reporter.CopiesSeen[^1]);
    }

    /// <summary>Counts the copies in the run's work folders each time a file is done or refused.</summary>
    private sealed class CopyCounter(string root) : IRunReporter
    {
        public List<int> CopiesSeen { get; } = [];
        public void FileDone(LoadedFile file) => Count();
        public void Problem(string message) => Count();
        private void Count() => CopiesSeen.Add(Directory.EnumerateFiles(root, "clean-*.csv", SearchOption.AllDirectories).Count());
        void IRunReporter.Progress(string message) { }
        public void FilesFound(int count) { }
        public void FileStarted(string sourcePath) { }
    }
}
