using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Analytics.Tests.Support;

/// <summary>The dashboard's own build output in a process of its own, started as a service manager starts it.</summary>
public sealed class DashboardProcess : IDisposable
{
    private readonly Process process;
    private readonly List<string> output = [];
    private readonly TaskCompletionSource<string> listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public DashboardProcess(IReadOnlyDictionary<string, string> environment, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = BuildOutput };
        // Only what the test gives: no address or environment inherited from the machine running the tests.
        start.Environment.Remove("ASPNETCORE_URLS");
        start.Environment.Remove("ASPNETCORE_ENVIRONMENT");
        foreach (var (name, value) in environment) start.Environment[name] = value;
        start.ArgumentList.Add(Path.Combine(BuildOutput, "Analytics.Dashboard.dll"));
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        process = Process.Start(start)!;
        process.OutputDataReceived += (_, line) => Received(line.Data);
        process.ErrorDataReceived += (_, line) => Received(line.Data);
        process.Exited += (_, _) => listening.TrySetException(new InvalidOperationException("the dashboard stopped:\n" + Output));
        process.EnableRaisingEvents = true;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    /// <summary>The dashboard as its own build output holds it, in the configuration the tests were built in.</summary>
    private static string BuildOutput { get; } = RepositoryPaths.BuildOutput("dashboard");

    public string Output { get { lock (output) return string.Join("\n", output); } }

    /// <summary>The address Kestrel says it listens on, once it does.</summary>
    public Task<string> Listening => listening.Task;

    /// <summary>A TCP port no one listens on now.</summary>
    public static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    private void Received(string? line)
    {
        if (line is null) return;
        lock (output) output.Add(line);
        const string marker = "Now listening on: ";
        if (line.IndexOf(marker, StringComparison.Ordinal) is var at and >= 0) listening.TrySetResult(line[(at + marker.Length)..].Trim());
    }

    public void Dispose()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
        }
        process.Dispose();
    }
}
