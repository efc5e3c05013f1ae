using System.Diagnostics;

namespace Analytics.Tests.Support;

/// <summary>The real ETL command in a process of its own, as data staff and schedulers run it.</summary>
public sealed class EtlProcess : IDisposable
{
    private readonly Process process;
    private readonly List<string> output = [];

    public EtlProcess(params string[] arguments) : this(new Dictionary<string, string>(), arguments) { }

    public EtlProcess(IReadOnlyDictionary<string, string> environment, params string[] arguments) : this(environment, null, arguments) { }

    /// <param name="fileSizeLimitKiB">
    /// When set, the ETL runs under a file size limit (ulimit -f) with SIGXFSZ ignored, so every write past it fails
    /// with an I/O error, as on a disk that has filled up.
    /// </param>
    public EtlProcess(IReadOnlyDictionary<string, string> environment, int? fileSizeLimitKiB, params string[] arguments)
    {
        var start = new ProcessStartInfo(fileSizeLimitKiB is null ? "dotnet" : "bash") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var (name, value) in environment) start.Environment[name] = value;
        if (fileSizeLimitKiB is { } limit)
        {
            start.ArgumentList.Add("-c");
            start.ArgumentList.Add($"trap '' XFSZ; ulimit -f {limit}; exec dotnet \"$@\"");
            start.ArgumentList.Add("etl");
        }
        start.ArgumentList.Add(EtlAssembly);
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        process = Process.Start(start)!;
        process.OutputDataReceived += (_, line) => { if (line.Data is not null) lock (output) output.Add(line.Data); };
        process.ErrorDataReceived += (_, line) => { if (line.Data is not null) lock (output) output.Add(line.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    /// <summary>
    /// The ETL as its own build output holds it: the test project runs on the ASP.NET Core shared framework, so
    /// the hosting and configuration assemblies the ETL carries are not copied beside the tests.
    /// </summary>
    private static string EtlAssembly { get; } = Path.Combine(RepositoryPaths.BuildOutput("etl"), "analytics-etl.dll");

    public int Id => process.Id;

    public string Output { get { lock (output) return string.Join("\n", output); } }

    /// <summary>Waits until the process prints a line containing <paramref name="text"/>; false if it ends or times out first.</summary>
    public bool WaitForLine(string text, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            lock (output) if (output.Any(line => line.Contains(text, StringComparison.Ordinal))) return true;
            if (process.HasExited) return false;
            Thread.Sleep(5);
        }
        return false;
    }

    public void Kill()
    {
        process.Kill(entireProcessTree: true);
        process.WaitForExit();
    }

    public int WaitForExit(TimeSpan timeout)
    {
        if (!process.WaitForExit(timeout)) { Kill(); throw new TimeoutException("the ETL did not finish in time:\n" + Output); }
        process.WaitForExit(); // flushes the redirected output
        return process.ExitCode;
    }

    public void Dispose()
    {
        if (!process.HasExited) Kill();
        process.Dispose();
    }
}
