using System.Text;
using Analytics.Etl.Loading;
using Analytics.Etl.Pipeline;
using Analytics.Tests.Support;

namespace Analytics.Tests.Etl;

/// <summary>
/// The next CSV file is checksummed and scanned while the current one loads (<see cref="CsvReadAhead"/>): files still
/// load, fail and report strictly in turn, no clean copy outlives its file, and a file about to be skipped as unchanged
/// is never scanned.
/// </summary>
public sealed class ReadAheadTests : IDisposable
{
    private readonly TemporaryWarehouse warehouse = new();

    public void Dispose() => warehouse.Dispose();

    private static string KentLookup => RepositoryPaths.KentGeography[0];

    [Fact]
    public void A_bad_file_between_two_good_ones_fails_at_its_own_turn_with_its_message_and_leaves_no_copy()
    {
        var first = PoliceCsv.Write(warehouse.Inputs, "2025-01-kent-street.csv", PoliceCsv.StreetHeader, PoliceCsv.Crime("c1"));
        var bad = Path.Combine(warehouse.Inputs, "2025-02-kent-street.csv");
        File.WriteAllText(bad, PoliceCsv.StreetHeader + "\n" + PoliceCsv.Crime("c2", month: "2025-02") + "\n", Encoding.Unicode); // with its byte order mark
        var last = PoliceCsv.Write(warehouse.Inputs, "2025-03-kent-street.csv", PoliceCsv.StreetHeader, PoliceCsv.Crime("c3", month: "2025-03"));
        var reporter = new EventLog(warehouse.Directory.WorkDirectory);

        var run = EtlPipeline.Run(new RunOptions([KentLookup, first, bad, last], warehouse.Root) { Today = new DateOnly(2026, 11, 25) }, reporter);

        (first, bad, last) = (Path.GetFileName(first), Path.GetFileName(bad), Path.GetFileName(last)); // a file given by itself goes by its name
        var message = $"{bad}: the file is UTF-16 encoded (it starts with a UTF-16 byte order mark): save it as \"CSV UTF-8\"";
        Assert.Equal(ExitCode.SourceUnreadable, run.ExitCode);
        Assert.Equal([message], run.Errors);
        Assert.Equal([FileOutcome.Loaded, FileOutcome.Loaded], run.Files.Where(file => file.SourcePath.EndsWith("-street.csv", StringComparison.Ordinal)).Select(file => file.Outcome));
        // In turn: the bad file's problem comes between its own start and the next file's, as when files were read one by one.
        Assert.Equal([$"started {first}", $"done {first}", $"started {bad}", $"problem {message}", $"started {last}", $"done {last}"],
            reporter.Events.SkipWhile(line => line != $"started {first}"));
        // The file loading and the next, prepared ahead: never more; after the last file, none (the bad file's half copy included).
        Assert.All(reporter.CopiesSeen, copies => Assert.InRange(copies, 0, 1));
        Assert.Equal(0, reporter.CopiesSeen[^1]);
    }

    [Fact]
    public void A_rerun_of_unchanged_files_scans_none_of_them()
    {
        var month = PoliceCsv.Write(warehouse.Inputs, "2025-01-kent-street.csv", PoliceCsv.StreetHeader, PoliceCsv.Crime("c1"));
        var firstRun = new EventLog(warehouse.Directory.WorkDirectory);
        var secondRun = new EventLog(warehouse.Directory.WorkDirectory);

        EtlPipeline.Run(new RunOptions([KentLookup, month], warehouse.Root), firstRun);
        var rerun = EtlPipeline.Run(new RunOptions([KentLookup, month], warehouse.Root), secondRun);

        Assert.Equal(ExitCode.Success, rerun.ExitCode);
        Assert.All(rerun.Files, file => Assert.Equal(FileOutcome.Unchanged, file.Outcome));
        // The scan makes the run's staging folder for its clean copy: the first run scanned, the rerun never did.
        Assert.All(firstRun.StagingSeen, Assert.True);
        Assert.Equal([false, false], secondRun.StagingSeen);
    }

    [Fact]
    public void A_file_unchanged_when_the_run_began_is_scanned_at_its_turn_when_the_file_it_matched_was_replaced_meanwhile()
    {
        var january = PoliceCsv.Write(Path.Combine(warehouse.Inputs, "v1"), "2025-01-kent-street.csv", PoliceCsv.StreetHeader, PoliceCsv.Crime("c1"));
        var corrected = PoliceCsv.Write(Path.Combine(warehouse.Inputs, "v2"), "2025-01-kent-street.csv", PoliceCsv.StreetHeader, PoliceCsv.Crime("c1", type: "Robbery"));
        var againAsFirst = PoliceCsv.Write(Path.Combine(warehouse.Inputs, "v3"), "2025-01-kent-street.csv", PoliceCsv.StreetHeader, PoliceCsv.Crime("c1"));
        warehouse.Run(KentLookup, january);

        // The correction replaces January's file; the third has January's first content, no longer loaded by its turn.
        var run = warehouse.Run(KentLookup, corrected, againAsFirst);

        Assert.Equal(ExitCode.Success, run.ExitCode);
        Assert.Equal([FileOutcome.Loaded, FileOutcome.Loaded], run.Files.Where(file => file.SourcePath.EndsWith("-street.csv", StringComparison.Ordinal)).Select(file => file.Outcome));
        Assert.Equal(["Burglary"], warehouse.Query<string>("SELECT crime_type FROM raw.police_street"));
    }

    /// <summary>What a run reports, in order, with the clean copies and whether the staging folder exists at each file's end.</summary>
    private sealed class EventLog(string workDirectory) : IRunReporter
    {
        private string runId = "";
        public List<string> Events { get; } = [];
        public List<int> CopiesSeen { get; } = [];
        public List<bool> StagingSeen { get; } = [];

        private string Staging => Path.Combine(workDirectory, runId, "staging");

        public void RunStarted(string runId, string trigger) => this.runId = runId;
        public void FileStarted(string sourcePath) => Events.Add($"started {sourcePath}");

        public void FileDone(LoadedFile file)
        {
            Events.Add($"done {file.SourcePath}");
            Look();
        }

        public void Problem(string message)
        {
            Events.Add($"problem {message}");
            Look();
        }

        private void Look()
        {
            StagingSeen.Add(Directory.Exists(Staging));
            CopiesSeen.Add(Directory.Exists(Staging) ? Directory.EnumerateFiles(Staging, "clean-*.csv").Count() : 0);
        }

        public void Progress(string message) { }
        public void FilesFound(int count) { }
    }
}
