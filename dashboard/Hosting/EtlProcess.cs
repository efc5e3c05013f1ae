using System.Diagnostics;
using Analytics.Warehouse.Storage;

namespace Analytics.Dashboard.Hosting;

/// <summary>
/// The ETL as a separate process, run the way the README runs it (<c>dotnet run --project etl -- ...</c>), so the
/// dashboard needs no reference to it. Only found inside the repository: a published dashboard has no ETL beside it.
/// </summary>
public sealed class EtlProcess
{
    private readonly string project;

    private EtlProcess(string project) => this.project = project;

    /// <summary>The ETL project named by the setting (relative to the repository root), or null when it is not there.</summary>
    public static EtlProcess? Find(string configuredProject)
    {
        var project = WarehouseLocation.Resolve(configuredProject);
        return File.Exists(project) ? new EtlProcess(project) : null;
    }

    /// <summary>Runs the ETL with these arguments, passing each line it writes to <paramref name="onLine"/>; the exit code.</summary>
    public async Task<int> RunAsync(IReadOnlyList<string> arguments, Action<string> onLine, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(project)!,
        };
        foreach (var argument in (string[])["run", "--project", project, "--", .. arguments]) start.ArgumentList.Add(argument);
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, line) => { if (line.Data is { Length: > 0 } text) onLine(text); };
        process.ErrorDataReceived += (_, line) => { if (line.Data is { Length: > 0 } text) onLine(text); };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await process.WaitForExitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            // The host is stopping: the ETL's own stop handling leaves the published warehouse as it was.
            process.Kill(entireProcessTree: true);
            throw;
        }
        return process.ExitCode;
    }
}
