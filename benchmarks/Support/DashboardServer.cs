using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Analytics.Benchmarks;

/// <summary>The Release dashboard (built beforehand) serving a warehouse on a free loopback port; killed when disposed.</summary>
public sealed class DashboardServer : IDisposable
{
    private readonly Process process;

    private DashboardServer(Process process, Uri address)
    {
        this.process = process;
        Address = address;
    }

    public Uri Address { get; }

    /// <param name="buildFromSample">
    /// False for a warehouse the benchmark loaded itself; true lets the dashboard fill an empty one from data/sample.
    /// </param>
    public static DashboardServer Start(string root, string warehouse, bool buildFromSample)
    {
        var port = FreePort();
        var dll = Path.Combine(root, "dashboard", "bin", "Release", "net10.0", "Analytics.Dashboard.dll");
        var start = new ProcessStartInfo("dotnet", [dll, "--urls", $"http://127.0.0.1:{port}"])
        {
            WorkingDirectory = Path.Combine(root, "dashboard"),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["Warehouse__Directory"] = warehouse;
        start.Environment["Warehouse__BuildFromSampleWhenEmpty"] = buildFromSample ? "true" : "false";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        var process = Process.Start(start)!;
        // read and dropped, so a full pipe never stalls the server
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new DashboardServer(process, new Uri($"http://127.0.0.1:{port}"));
    }

    /// <summary>Waits up to five minutes: a big warehouse takes a while to open.</summary>
    public static async Task WaitForHealth(HttpClient client)
    {
        for (var i = 0; i < 600; i++)
        {
            try
            {
                using var response = await client.GetAsync(new Uri("/healthz", UriKind.Relative));
                if (response.IsSuccessStatusCode) return;
            }
            catch (HttpRequestException) { }
            await Task.Delay(500);
        }
        throw new TimeoutException("the dashboard did not become healthy");
    }

    public void Dispose()
    {
        process.Kill(entireProcessTree: true);
        process.Dispose();
    }

    private static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
