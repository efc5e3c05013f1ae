using Analytics.Etl.Pipeline;
using Analytics.Tests.Support;

namespace Analytics.Tests.Etl;

/// <summary>A long load says how far it is after every file: that file's pace, the run's, and the time left.</summary>
public sealed class LoadProgressTests : IDisposable
{
    private readonly TemporaryWarehouse warehouse = new();

    public void Dispose() => warehouse.Dispose();

    [Fact]
    public void Every_file_reports_its_pace_and_the_runs_with_the_time_left()
    {
        var folder = Path.Combine(warehouse.Inputs, "months");
        var months = PoliceCsv.KentZipStreetFiles().Take(3).ToList();
        foreach (var (name, lines) in months) PoliceCsv.Write(folder, name, [.. lines]);
        var reporter = new RecordingReporter();

        var run = EtlPipeline.Run(new RunOptions([RepositoryPaths.KentGeography[0], folder], warehouse.Root), reporter);

        Assert.True(run.ExitCode == ExitCode.Success, TemporaryWarehouse.Explain(run));
        var progress = reporter.Loads;
        Assert.Equal(run.Files.Count, progress.Count);
        Assert.Equal(Enumerable.Range(1, progress.Count), progress.Select(step => step.FilesDone));
        Assert.All(progress, step => Assert.Equal(progress.Count, step.FilesTotal));
        Assert.Equal(run.Files.Select(file => file.RowsRead), progress.Select(step => step.FileRows));
        Assert.Equal(run.Files.Sum(file => file.RowsRead), progress[^1].RowsDone);
        var sizes = new[] { RepositoryPaths.KentGeography[0] }.Concat(months.Select(month => Path.Combine(folder, month.Name))).Sum(path => new FileInfo(path).Length);
        Assert.Equal(sizes, progress[^1].BytesTotal);
        Assert.Equal(progress[^1].BytesTotal, progress[^1].BytesDone);
        Assert.Equal(0, progress[^1].SecondsLeft);
        Assert.All(progress.Where(step => step.FileRows > 1000), step => Assert.True(step.FileRowsPerSecond > 0));
    }

    [Fact]
    public void The_time_left_shares_the_time_so_far_over_the_bytes_still_to_read()
    {
        var halfway = new LoadProgress("2025-02-kent-street.csv", 13_305, 0.5, 2, 4, 50_000_000, 150_000_000, 27_506, 120);

        Assert.Equal(240, halfway.SecondsLeft);
        Assert.Equal(26_610, halfway.FileRowsPerSecond);
        Assert.Equal("2 of 4 files (50 of 150 MB), this file 26,610 rows a second, all files 229 rows a second, about 4 min left", halfway.Describe());
        Assert.Null((halfway with { BytesDone = 0 }).SecondsLeft);
    }
}
