using System.Collections.Concurrent;
using System.Diagnostics;
using Analytics.Tests.Support;

namespace Analytics.Tests.Notebooks;

/// <summary>One notebook run as a process: what it printed, its exit code and the folder it wrote.</summary>
public sealed record NotebookRun(string Name, int ExitCode, string Output, string Errors, string OutputDirectory, TimeSpan Took)
{
    public string Report => Path.Combine(OutputDirectory, "report.html");

    public List<Dictionary<string, string>> Csv(string file) =>
        IndependentData.ReadCsv(Path.Combine(OutputDirectory, file)).Select(row => row.Row).ToList();

    public string Explain => $"{Name} exited {ExitCode} after {Took.TotalSeconds:0}s\n{Output}\n{Errors}";
}

/// <summary>
/// Runs the notebooks as analysts do, <c>dotnet run notebooks/NAME.cs -- ARGS</c> from the repository, against a
/// warehouse folder. Every notebook is built and run once per warehouse and the runs are shared by the tests: the
/// first builds the shared support project alone, the rest then build and run side by side.
/// </summary>
public static class NotebookRuns
{
    /// <summary>Every notebook with the arguments the tests run it with.</summary>
    public static readonly IReadOnlyDictionary<string, string[]> Notebooks = new Dictionary<string, string[]>
    {
        ["template"] = [],
        ["district-profile"] = ["--district", "E07000105", "--year", "2025/26"],
        ["allocation-scenarios"] = ["--grant", "Crime Reduction Grant", "--year", "2025/26"],
        ["measure-seasonality"] = ["--measure", "shoplifting"],
        ["peer-comparison"] = ["--area", "E23000032"],
        ["load-quality"] = [],
    };

    private static readonly ConcurrentDictionary<string, Lazy<IReadOnlyDictionary<string, NotebookRun>>> Runs = new();

    /// <summary>Each notebook's run against this warehouse (load-quality finds it through Warehouse__Directory, as the dashboard would).</summary>
    public static IReadOnlyDictionary<string, NotebookRun> All(string warehouse) =>
        Runs.GetOrAdd(warehouse, root => new Lazy<IReadOnlyDictionary<string, NotebookRun>>(() =>
        {
            // Beside the warehouse, in the scratch folder its fixture deletes at the end.
            var output = Directory.CreateDirectory(Path.Combine(root + "-inputs", "notebook-output")).FullName;
            NotebookRun RunOne(string name) => name == "load-quality"
                ? Run(name, [.. Notebooks[name], "--out", Path.Combine(output, name)], new() { ["Warehouse__Directory"] = root })
                : Run(name, [.. Notebooks[name], "--warehouse", root, "--out", Path.Combine(output, name)]);
            var first = RunOne("template");
            var rest = Notebooks.Keys.Skip(1).AsParallel().WithDegreeOfParallelism(Notebooks.Count).Select(RunOne).ToList();
            return rest.Prepend(first).ToDictionary(run => run.Name);
        })).Value;

    public static NotebookRun Run(string name, IReadOnlyList<string> arguments, Dictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = RepositoryPaths.Root, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { "run", Path.Combine("notebooks", name + ".cs"), "--" }.Concat(arguments)) start.ArgumentList.Add(argument);
        start.Environment.Remove("Warehouse__Directory");
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        foreach (var (key, value) in environment ?? []) start.Environment[key] = value;
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(10)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"notebooks/{name}.cs did not finish in 10 minutes");
        }
        process.WaitForExit();
        var outFolder = arguments.SkipWhile(a => a != "--out").Skip(1).FirstOrDefault() ?? "";
        return new NotebookRun(name, process.ExitCode, output.Result, errors.Result, outFolder, clock.Elapsed);
    }
}
