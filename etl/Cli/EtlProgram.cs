using Analytics.Etl.Pipeline;
using Analytics.Warehouse.Storage;
using Spectre.Console;

namespace Analytics.Etl.Cli;

/// <summary>Turns a command line into a run or a status report and an exit code, never a stack trace.</summary>
public static class EtlProgram
{
    public static int Execute(string[] args, TextWriter output, TextWriter errors)
    {
        try
        {
            var command = CommandLine.Parse(args);
            return command.Command switch
            {
                "run" => Run(command, output),
                "status" => Status(command, output),
                "template" => Template(command, output),
                _ => Help(output),
            };
        }
        catch (UsageException usage)
        {
            errors.WriteLine($"error: {usage.Message}. See: dotnet run --project etl -- --help");
            return (int)ExitCode.Usage;
        }
        catch (Exception unexpected)
        {
            errors.WriteLine($"error: {unexpected.Message.Split('\n')[0]}");
            return (int)ExitCode.Unexpected;
        }
    }

    private static int Help(TextWriter output)
    {
        output.WriteLine(HelpText.Text);
        return 0;
    }

    private static int Run(CommandLine command, TextWriter output)
    {
        var sources = command.All("--source");
        if (sources.Count == 0) throw new UsageException("run needs at least one --source");
        var options = new RunOptions(sources, WarehouseFolder(command))
        {
            SnapshotsToKeep = PositiveNumber(command, "--keep") ?? 3,
            Trigger = command.Option("--trigger") ?? "manual",
            FailOnRejects = command.Has("--fail-on-rejects"),
        };
        var interactive = !Console.IsOutputRedirected && !command.Has("--plain") && ReferenceEquals(output, Console.Out);
        RunResult result;
        if (interactive)
        {
            result = null!;
            AnsiConsole.Progress().AutoClear(false).Start(context =>
            {
                var task = context.AddTask("starting");
                result = EtlPipeline.Run(options, new ProgressReporter(task));
                task.Value = task.MaxValue;
            });
        }
        else
        {
            result = EtlPipeline.Run(options, new LogLineReporter(output));
        }
        output.WriteLine(Summary(result));
        return (int)result.ExitCode;
    }

    private static string Summary(RunResult result)
    {
        var outcome = result.Status switch
        {
            "published" or "published with rejects" => $"published {result.Published!.Snapshot}",
            "unchanged" => "nothing new to load; published snapshot unchanged",
            _ => "FAILED, nothing published: " + string.Join("; ", result.Errors),
        };
        var rejects = result.RowsRejected > 0 ? $" See the rejected rows with: dotnet run --project etl -- status, or in meta.rejects." : "";
        return $"run {result.RunId}: {outcome}. {result.RowsRead:N0} rows read, {result.RowsLoaded:N0} loaded, {result.RowsRejected:N0} rejected.{rejects}";
    }

    private static int Status(CommandLine command, TextWriter output)
    {
        var report = StatusCommand.Build(new WarehouseDirectory(WarehouseFolder(command)), PositiveNumber(command, "--runs") ?? 10);
        if (command.Has("--json")) StatusCommand.WriteJson(report, output);
        else StatusCommand.WriteText(report, ReferenceEquals(output, Console.Out)
            ? AnsiConsole.Console
            : AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(output), Ansi = AnsiSupport.No }));
        return 0;
    }

    private static int Template(CommandLine command, TextWriter output)
    {
        var directory = command.Option("--out") ?? throw new UsageException("template needs --out DIR");
        foreach (var path in Templates.ReturnTemplates.WriteAll(directory)) output.WriteLine($"wrote {path}");
        return 0;
    }

    /// <summary>
    /// --warehouse, else the setting Warehouse:Directory read as the dashboard reads it: appsettings.json (the
    /// dashboard's file, copied beside this program), overridden by the environment (Warehouse__Directory).
    /// </summary>
    private static string WarehouseFolder(CommandLine command) =>
        WarehouseLocation.Resolve(command.Option("--warehouse")
            ?? WarehouseSetting.Read(Path.Combine(AppContext.BaseDirectory, "appsettings.json"))
            ?? WarehouseLocation.DefaultDirectory);

    private static int? PositiveNumber(CommandLine command, string option) =>
        command.Option(option) is not { } text ? null
        : int.TryParse(text, out var value) && value > 0 ? value
        : throw new UsageException($"{option} takes a whole number above 0, not '{text}'");
}
