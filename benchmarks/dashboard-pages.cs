// Benchmark: server time per dashboard page (median and 95th percentile over repeated requests, on loopback,
// Release build, sample data) and the size of each page and its assets as sent (Brotli-compressed).
// Run from the repository root:  dotnet run benchmarks/dashboard-pages.cs [requests-per-page]
#:project Support/Analytics.Benchmarks.Support.csproj
#:property PublishAot=false

using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;
using Analytics.Benchmarks;

var requests = args.Length > 0 ? int.Parse(args[0]) : 40;
var root = Directory.GetCurrentDirectory();
if (!File.Exists(Path.Combine(root, "Analytics.sln"))) { Console.Error.WriteLine("Run from the repository root."); return 1; }
string[] pages = ["/", "/spend", "/outcomes", "/value-for-money", "/crime", "/districts/E07000105", "/allocation", "/data", "/panel-report", "/accessibility"];

Console.WriteLine("Building the dashboard (Release)...");
using (var build = Process.Start("dotnet", ["build", Path.Combine(root, "dashboard"), "-c", "Release", "--nologo", "-v", "q"])!) build.WaitForExit();
var warehouse = Directory.CreateTempSubdirectory("dashboard-benchmark-").FullName;
try
{
    using var server = DashboardServer.Start(root, warehouse, buildFromSample: true);
    using var client = new HttpClient(new HttpClientHandler { AutomaticDecompression = DecompressionMethods.None }) { BaseAddress = server.Address };
    client.DefaultRequestHeaders.AcceptEncoding.ParseAdd("br");
    await DashboardServer.WaitForHealth(client);

    Console.WriteLine();
    Console.WriteLine($"{requests} requests per page after 5 to warm up; {Environment.ProcessorCount} cores; sizes as sent with Brotli:");
    Console.WriteLine("| page | median ms | 95th percentile ms | HTML KiB | with CSS and JS KiB |");
    Console.WriteLine("|---|---|---|---|---|");
    var assetSizes = new Dictionary<string, long>();
    foreach (var page in pages)
    {
        for (var i = 0; i < 5; i++) await Get(client, page);
        var times = new List<double>();
        for (var i = 0; i < requests; i++)
        {
            var clock = Stopwatch.StartNew();
            await Get(client, page);
            times.Add(clock.Elapsed.TotalMilliseconds);
        }
        var (bytes, html) = await Get(client, page);
        long assets = 0;
        foreach (Match asset in Regex.Matches(html, "(?:href|src)=\"(/(?:css|js|lib)/[^\"?]+)"))
        {
            var path = asset.Groups[1].Value;
            if (!assetSizes.TryGetValue(path, out var size)) assetSizes[path] = size = (await Get(client, path)).Bytes;
            assets += size;
        }
        times.Sort();
        Console.WriteLine($"| {page} | {Percentile(times, 0.5):F1} | {Percentile(times, 0.95):F1} | {bytes / 1024.0:F1} | {(bytes + assets) / 1024.0:F0} |");
    }
    Console.WriteLine();
    foreach (var (path, size) in assetSizes.OrderByDescending(a => a.Value)) Console.WriteLine($"asset {path}: {size / 1024.0:F1} KiB as sent");
}
finally
{
    foreach (var file in Directory.EnumerateFiles(warehouse, "*", SearchOption.AllDirectories)) File.SetAttributes(file, FileAttributes.Normal);
    Directory.Delete(warehouse, recursive: true);
}
return 0;

static async Task<(long Bytes, string Html)> Get(HttpClient client, string path)
{
    using var response = await client.GetAsync(path);
    var raw = await response.Content.ReadAsByteArrayAsync();
    if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"{path} answered {(int)response.StatusCode}");
    var text = response.Content.Headers.ContentEncoding.Contains("br")
        ? await new StreamReader(new System.IO.Compression.BrotliStream(new MemoryStream(raw), System.IO.Compression.CompressionMode.Decompress)).ReadToEndAsync()
        : System.Text.Encoding.UTF8.GetString(raw);
    return (raw.LongLength, text);
}

static double Percentile(List<double> sorted, double p) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];
