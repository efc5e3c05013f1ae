using Analytics.Etl.Inbox;
using Analytics.Etl.Logging;
using Analytics.Etl.Pipeline;
using Analytics.Etl.Scheduling;
using Analytics.Etl.Settings;
using Analytics.Warehouse.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Spectre.Console;

namespace Analytics.Etl.Cli;

/// <summary>Turns a command line into a run, a check, a schedule or a status report and an exit code, never a stack trace.</summary>
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
                "check" => Check(command, output),
                "schedule" => Schedule(command),
                "status" => Status(command, output),
                "repair" => Repair(command, output),
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
        var configuration = EtlConfiguration.Load(command.Option("--settings"));
        var settings = configuration.Etl();
        var sources = command.All("--source");
        var inbox = (command.Option("--inbox") ?? (sources.Count == 0 ? InboxFolder(settings) : null)) is { } given ? WarehouseLocation.Resolve(given) : null;
        if (sources.Count == 0 && inbox is null)
            throw new UsageException("run needs at least one --source, or an inbox (--inbox DIR, or Etl:Inbox in etlsettings.json)");
        var logFormat = LogFormat(command);
        using var stop = StopSignals.Cancellation();
        var warehouse = WarehouseFolder(command, configuration);
        var options = new RunOptions(sources, warehouse)
        {
            SnapshotsToKeep = PositiveNumber(command, "--keep") ?? settings.SnapshotsToKeep,
            MemoryLimitMiB = settings.MemoryLimitMiB,
            Trigger = command.Option("--trigger") ?? "manual",
            FailOnRejects = command.Has("--fail-on-rejects"),
            FullBuild = command.Has("--full-build"),
            Shrink = new Loading.ShrinkGuard(settings.MaxShrinkPercent, command.Has("--accept-shrink")),
            Inbox = inbox is null ? null : new InboxOptions(inbox, TimeSpan.FromSeconds(settings.SettleSeconds)),
            FetchIntoInbox = command.Has("--download") ? DownloadWiringFor(configuration).Fetch(warehouse, inbox) : null,
            Cancellation = stop.Token,
        };

        RunResult result;
        if (logFormat is null && !Console.IsOutputRedirected && !command.Has("--plain") && ReferenceEquals(output, Console.Out))
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
            result = WithLogReporter(logFormat, output, "Analytics.Etl.Run", reporter => EtlPipeline.Run(options, reporter));
        }
        foreach (var earlier in result.EarlierRuns) output.WriteLine(Summary(earlier));
        output.WriteLine(Summary(result));
        return (int)(result.EarlierRuns.FirstOrDefault(run => run.ExitCode != ExitCode.Success)?.ExitCode ?? result.ExitCode);
    }

    private static int Check(CommandLine command, TextWriter output)
    {
        var configuration = EtlConfiguration.Load(command.Option("--settings"));
        var trigger = command.Option("--trigger") ?? "manual check";
        var warehouse = WarehouseFolder(command, configuration);
        var result = WithLogReporter(LogFormat(command), output, "Analytics.Etl.Check", reporter => DataTestCheck.Run(warehouse, trigger, reporter));
        output.WriteLine(result.Status switch
        {
            RunStatus.Checked => $"check {result.RunId}: all {result.DataTests.Count} data tests pass on {result.Published!.Snapshot}.",
            RunStatus.NothingToDo => "nothing has been published yet; nothing to check.",
            _ => $"check {result.RunId}: {result.Status}: {string.Join("; ", result.Errors)}",
        });
        return (int)result.ExitCode;
    }

    private static int Repair(CommandLine command, TextWriter output)
    {
        var configuration = EtlConfiguration.Load(command.Option("--settings"));
        var warehouse = WarehouseFolder(command, configuration);
        var result = WithLogReporter(LogFormat(command), output, "Analytics.Etl.Repair", reporter => SnapshotRepair.Run(warehouse, reporter));
        output.WriteLine(result.Status switch
        {
            RunStatus.Published => $"repair {result.RunId}: published {result.Published!.Snapshot} again.",
            RunStatus.NothingToDo => "nothing to repair.",
            _ => $"repair {result.RunId}: {result.Status}: {string.Join("; ", result.Errors)}",
        });
        return (int)result.ExitCode;
    }

    private static int Schedule(CommandLine command)
    {
        var configuration = EtlConfiguration.Load(command.Option("--settings"));
        var settings = configuration.Etl();
        var inbox = command.Option("--inbox") ?? InboxFolder(settings);
        return ScheduleHost.Run(settings, WarehouseFolder(command, configuration), inbox is null ? null : WarehouseLocation.Resolve(inbox),
            DownloadWiringFor(configuration), jsonLogs: LogFormat(command) != "text");
    }

    /// <summary>Runs <paramref name="work"/> reporting as JSON log lines (--log json) or plain lines (otherwise).</summary>
    private static RunResult WithLogReporter(string? logFormat, TextWriter output, string category, Func<IRunReporter, RunResult> work)
    {
        if (logFormat != "json") return work(new LogLineReporter(output));
        using var loggers = StructuredConsole.Create(json: true);
        return work(new LoggingReporter(loggers.CreateLogger(category)));
    }

    private static string Summary(RunResult result)
    {
        var outcome = result.Status switch
        {
            RunStatus.Published or RunStatus.PublishedWithRejects => $"published {result.Published!.Snapshot}",
            RunStatus.Unchanged => "nothing new to load; published snapshot unchanged",
            RunStatus.NothingToDo => "no new files in the inbox; nothing to do",
            _ => "FAILED, nothing published: " + string.Join("; ", result.Errors),
        };
        var rejects = result.RowsRejected > 0 ? $" See the rejected rows with: dotnet run --project etl -- status, or in meta.rejects." : "";
        return $"run {result.RunId}: {outcome}. {result.RowsRead:N0} rows read, {result.RowsLoaded:N0} loaded, {result.RowsRejected:N0} rejected.{rejects}";
    }

    private static int Status(CommandLine command, TextWriter output)
    {
        var configuration = EtlConfiguration.Load(command.Option("--settings"));
        var report = StatusCommand.Build(new WarehouseDirectory(WarehouseFolder(command, configuration)), PositiveNumber(command, "--runs") ?? 10);
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
    private static string WarehouseFolder(CommandLine command, IConfiguration configuration) =>
        WarehouseLocation.Resolve(command.Option("--warehouse")
            ?? NonEmpty(configuration["Warehouse:Directory"]) ?? WarehouseLocation.DefaultDirectory);

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;

    private static string? InboxFolder(EtlSettings settings) => NonEmpty(settings.Inbox);

    private static DownloadWiring DownloadWiringFor(IConfiguration configuration) => DownloadWiring.From(configuration);

    private static string? LogFormat(CommandLine command) => command.Option("--log") switch
    {
        null => null,
        "text" => "text",
        "json" => "json",
        var other => throw new UsageException($"--log takes text or json, not '{other}'"),
    };

    private static int? PositiveNumber(CommandLine command, string option) =>
        command.Option(option) is not { } text ? null
        : int.TryParse(text, out var value) && value > 0 ? value
        : throw new UsageException($"{option} takes a whole number above 0, not '{text}'");
}
