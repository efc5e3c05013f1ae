using Analytics.Etl.Cli;
using Analytics.Etl.Pipeline;
using Analytics.Tests.Support;
using Analytics.Warehouse;
using Analytics.Warehouse.Schema;

namespace Analytics.Tests.Etl;

/// <summary>A long build or check says how far it is and where its time goes: every model and data test, as each is done.</summary>
public sealed class StepProgressTests : IDisposable
{
    private readonly TemporaryWarehouse warehouse = new();

    public void Dispose() => warehouse.Dispose();

    [Fact]
    public void A_run_reports_every_model_and_every_data_test_once_in_order()
    {
        var folder = Path.Combine(warehouse.Inputs, "months");
        foreach (var (name, lines) in PoliceCsv.KentZipStreetFiles().Take(2)) PoliceCsv.Write(folder, name, [.. lines]);
        var reporter = new RecordingReporter();

        var run = EtlPipeline.Run(new RunOptions([RepositoryPaths.KentGeography[0], folder], warehouse.Root), reporter);

        Assert.True(run.ExitCode == ExitCode.Success, TemporaryWarehouse.Explain(run));
        var models = reporter.Steps.Where(step => step.Kind == StepKind.Model).ToList();
        Assert.Equal(ModelCatalog.All.Select(model => model.Model), models.Select(step => step.Name));
        Assert.Equal(Enumerable.Range(1, models.Count), models.Select(step => step.Done));
        Assert.All(models, step => Assert.Equal(ModelCatalog.All.Count, step.Total));
        var tests = reporter.Steps.Where(step => step.Kind == StepKind.DataTest).ToList();
        Assert.Equal(run.DataTests.Select(test => $"{test.Test.Name} on {test.Test.Model}"), tests.Select(step => step.Name));
        Assert.Equal(Enumerable.Range(1, tests.Count), tests.Select(step => step.Done));
        Assert.All(reporter.Steps, step => Assert.InRange(step.Seconds, 0, 600));
        Assert.True(reporter.Steps.IndexOf(models[^1]) < reporter.Steps.IndexOf(tests[0]), "the models are built before they are tested");
    }

    [Fact]
    public void A_log_of_lines_names_the_slow_steps_only()
    {
        var output = new StringWriter();
        IRunReporter reporter = new LogLineReporter(output);

        reporter.StepDone(new StepProgress(StepKind.Model, "core.fct_crime_records", 12, 59, 6.7));
        reporter.StepDone(new StepProgress(StepKind.Model, "core.dim_month", 13, 59, 0.02));
        reporter.StepDone(new StepProgress(StepKind.DataTest, "unique_key(record_key) on core.fct_crime_records", 40, 320, StepProgress.SlowSeconds));

        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.EndsWith("info model core.fct_crime_records built in 6.7 s (12 of 59 models)", lines[0].TrimEnd());
        Assert.EndsWith("info data test unique_key(record_key) on core.fct_crime_records run in 1.0 s (40 of 320 data tests)", lines[1].TrimEnd());
    }
}
