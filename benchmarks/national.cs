// Benchmark: the product at national scale (issue 10), one command, one table with targets and pass/fail.
// Generates (or reuses) national street files with benchmarks/national-data.cs, then on the Release builds:
//   a national year loaded by the ETL beside DuckDB's bare read_csv of the same files, peak memory, a no-op rerun;
//   further years loaded (one run a year) into a big warehouse, one month added to it beside that month alone;
//   the published snapshot beside a compacted copy, the warehouse folder's disk while the month was added;
//   every page's median, 95th percentile and requests per second with 1 and 64 clients against the big warehouse.
// Run from the repository root:  dotnet run benchmarks/national.cs -- [--quick|--medium] [--work DIR]
//   --quick: 4 forces, "years" of 3 months, big warehouse of 3 of them (~0.6M rows), pages 5 s + 10 s: ~4 minutes.
//   --medium: every force, "years" of 2 months, big warehouse of 3 of them (~4.4M rows), pages 5 s + 10 s: ~5 minutes.
//   default: every English and Welsh force, 12-month years, big warehouse of 5 (~40M rows), pages 10 s + 30 s: ~20 minutes
//   (17.4 to 17.7 minutes measured; needs ~22 GB of disk and under 1.6 GiB of memory: see benchmarks/README.md).
//   --work: where data and warehouses go (default: the temp folder); the generated data is kept and reused.
#:project ../warehouse/Analytics.Warehouse.csproj
#:project Support/Analytics.Benchmarks.Support.csproj
#:property PublishAot=false

using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Analytics.Benchmarks;
using Analytics.Warehouse;
using Analytics.Warehouse.Storage;
using Dapper;

var root = Directory.GetCurrentDirectory();
if (!File.Exists(Path.Combine(root, "Analytics.sln"))) { Console.Error.WriteLine("Run from the repository root."); return 1; }
Setting setting = Setting.National;
string? workArgument = null;
for (var i = 0; i < args.Length; i++)
{
    if (args[i] == "--quick") setting = Setting.Quick;
    else if (args[i] == "--medium") setting = Setting.Medium;
    else if (args[i] == "--work" && i + 1 < args.Length) workArgument = args[++i];
    else
    {
        // refused, not passed over: a mistyped --quick must not start the hour-long national run
        Console.Error.WriteLine($"Cannot use '{args[i]}'. Usage: dotnet run benchmarks/national.cs -- [--quick|--medium] [--work DIR]");
        return 2;
    }
}
var work = Path.GetFullPath(workArgument ?? Path.Combine(Path.GetTempPath(), $"national-benchmark-{setting.Name}"));
var total = Stopwatch.StartNew();

Console.WriteLine("Building the ETL and the dashboard (Release)...");
Tool.Run("dotnet", ["build", Path.Combine(root, "etl"), "-c", "Release", "--nologo", "-v", "q"]);
Tool.Run("dotnet", ["build", Path.Combine(root, "dashboard"), "-c", "Release", "--nologo", "-v", "q"]);
var etl = new Etl(Path.Combine(root, "etl", "bin", "Release", "net10.0", "analytics-etl.dll"));

var data = NationalData.Ensure(Path.Combine(work, "data"), setting);
string[] referenceFolders = ["geography", "population", "peers", "funding", "plan"];
var reference = referenceFolders.Select(f => Path.Combine(root, "data", "sample", f)).ToArray();
var years = data.Months.Take(setting.Years * setting.MonthsPerYear).Chunk(setting.MonthsPerYear).Select(data.Folders).ToList();
var addedMonth = data.Folders([data.Months[^1]]);

var big = Tool.FreshFolder(Path.Combine(work, "big"));
var referenceRun = etl.Run("reference data", reference, big);
var year = etl.Run("national year", years[0], big);
var noOp = etl.Run("no-op rerun", years[0], big);
var bare = BareReadCsv.Measure(years[0], Path.Combine(work, "flat.duckdb"));
var laterYears = years.Skip(1).Select((y, i) => etl.Run($"year {i + 2}", y, big)).ToList();
var added = etl.Run("month added", addedMonth, big);

var alone = Tool.FreshFolder(Path.Combine(work, "alone"));
etl.Run("reference data (for the month alone)", reference, alone);
var monthAlone = etl.Run("month alone", addedMonth, alone);

var snapshot = SnapshotSizes.Measure(big, Path.Combine(work, "compact.duckdb"));
var pages = await PageLoad.Measure(root, big, setting);

Report.Print(setting, data, referenceRun, year, bare, noOp, laterYears, added, monthAlone, snapshot, pages, total.Elapsed, FileSystemType.Of(work));
foreach (var folder in new[] { big, alone }) Tool.DeleteFolder(folder);
return 0;

/// <summary>
/// How big a run is: a "year" of MonthsPerYear months for Forces forces; the big warehouse holds Years of them.
/// Pages are loaded for OneClientSeconds with 1 client and ManyClientsSeconds with 64: long enough for every one of the
/// 64 to finish several requests, since wrk counts only requests that finish in time.
/// </summary>
sealed record Setting(string Name, int? Forces, int MonthsPerYear, int Years, int OneClientSeconds, int ManyClientsSeconds)
{
    public static readonly Setting Quick = new("quick", 4, 3, 3, 5, 10);
    public static readonly Setting Medium = new("medium", null, 2, 3, 5, 10);
    public static readonly Setting National = new("national", null, 12, 5, 10, 30);

    /// <summary>The added month is 2025-12, so the newest year overlaps the bundled 2025/26 returns and plan.</summary>
    public string FirstMonth => new DateOnly(2025, 12, 1).AddMonths(-Years * MonthsPerYear).ToString("yyyy-MM", CultureInfo.InvariantCulture);
    public int Months => Years * MonthsPerYear + 1;
}

/// <summary>The generated street files: DIR/YYYY-MM/*-street.csv, made once for a setting and reused.</summary>
sealed record NationalData(string Directory, IReadOnlyList<string> Months, long Rows)
{
    public static NationalData Ensure(string directory, Setting setting)
    {
        string[] arguments = ["--out", directory, "--forces", setting.Forces?.ToString(CultureInfo.InvariantCulture) ?? "all",
            "--months", setting.Months.ToString(CultureInfo.InvariantCulture), "--start", setting.FirstMonth];
        // written last by this program, so a generation that was cut short is never reused
        var marker = Path.Combine(directory, "generated.txt");
        var wanted = string.Join(' ', arguments);
        if (!File.Exists(marker) || File.ReadLines(marker).First() != wanted)
        {
            Tool.DeleteFolder(directory);
            var output = Tool.Run("dotnet", ["run", "benchmarks/national-data.cs", "--", .. arguments], capture: true);
            Console.Write(output);
            var rows = Regex.Match(output, @"Wrote ([\d,]+) street rows").Groups[1].Value.Replace(",", "");
            File.WriteAllLines(marker, [wanted, rows]);
        }
        else Console.WriteLine($"Reusing the street files in {directory}.");
        var months = System.IO.Directory.EnumerateDirectories(directory).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
        return new NationalData(directory, months!, long.Parse(File.ReadLines(marker).Skip(1).First(), CultureInfo.InvariantCulture));
    }

    public string[] Folders(IEnumerable<string> months) => months.Select(m => Path.Combine(Directory, m)).ToArray();
}

/// <summary>What one ETL run cost: wall time, peak resident memory, largest warehouse folder, rows it read.</summary>
sealed record Measure(string Name, double Seconds, double PeakMiB, double MaxDiskMiB, long RowsRead);

/// <summary>Runs the Release ETL as a user would and samples it while it runs.</summary>
sealed class Etl(string dll)
{
    public Measure Run(string name, IEnumerable<string> sources, string warehouse)
    {
        Console.WriteLine($"ETL: {name}...");
        Tool.Settle();
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { dll, "run" }.Concat(sources.SelectMany(s => new[] { "--source", s })).Concat(["--warehouse", warehouse, "--plain"]))
            start.ArgumentList.Add(argument);
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        long peakKib = 0, maxDiskBytes = 0;
        // VmHWM every 10 ms is cheap; walking the folder is not, so it is sampled every 20th time
        for (var i = 0; !process.WaitForExit(10); i++)
        {
            peakKib = Math.Max(peakKib, Tool.PeakResidentKib(process.Id));
            if (i % 20 == 0) maxDiskBytes = Math.Max(maxDiskBytes, Tool.FolderBytes(warehouse));
        }
        clock.Stop();
        if (process.ExitCode != 0) throw new InvalidOperationException($"ETL ({name}) exited {process.ExitCode}: {output.Result}{errors.Result}");
        maxDiskBytes = Math.Max(maxDiskBytes, Tool.FolderBytes(warehouse));
        // the run summary, the last line, gives the rows read in all
        var rows = Regex.Matches(output.Result, @"([\d,]+) rows read").LastOrDefault()?.Groups[1].Value.Replace(",", "");
        var measure = new Measure(name, clock.Elapsed.TotalSeconds, peakKib / 1024.0, maxDiskBytes / 1048576.0, string.IsNullOrEmpty(rows) ? 0 : long.Parse(rows, CultureInfo.InvariantCulture));
        Console.WriteLine($"  {measure.Seconds:F1} s, peak {measure.PeakMiB:N0} MiB, {measure.RowsRead:N0} rows read");
        // how the run made its working copy: a copy, or the spare's differing blocks rewritten (ext4)
        if (Regex.Match(output.Result, "snapshot copied in [^\r\n]*") is { Success: true } copy) Console.WriteLine($"  {copy.Value}");
        return measure;
    }
}

/// <summary>The floor to compare the ETL with: DuckDB reading the same street files into one flat table, nothing else.</summary>
static class BareReadCsv
{
    public static (double Seconds, long Rows) Measure(string[] monthFolders, string database)
    {
        Console.WriteLine("DuckDB: bare read_csv of the national year...");
        Tool.DeleteFile(database);
        Tool.Settle();
        var clock = Stopwatch.StartNew();
        long rows;
        using (var connection = DuckDbConnections.OpenReadWrite(database))
        {
            // one read_csv over every month's glob; a list parameter cannot be bound, so it goes as one string
            var files = string.Join('|', monthFolders.Select(f => Path.Combine(f, "*-street.csv")));
            connection.Execute("CREATE TABLE flat AS SELECT * FROM read_csv(string_split($files, '|'), header = true)", new { files });
            rows = connection.ExecuteScalar<long>("SELECT count(*) FROM flat");
            connection.Execute("CHECKPOINT");
        }
        clock.Stop();
        Tool.DeleteFile(database);
        Console.WriteLine($"  {clock.Elapsed.TotalSeconds:F1} s, {rows:N0} rows");
        return (clock.Elapsed.TotalSeconds, rows);
    }
}

/// <summary>The published snapshot's size beside a copy of it with no free blocks (COPY FROM DATABASE into a new file).</summary>
static class SnapshotSizes
{
    public static (double SnapshotMiB, double CompactedMiB) Measure(string warehouse, string compacted)
    {
        Console.WriteLine("DuckDB: compacted copy of the published snapshot...");
        var snapshot = new WarehouseDirectory(warehouse).ReadPublished()?.Path ?? throw new InvalidOperationException("nothing was published");
        Tool.DeleteFile(compacted);
        var sizes = (new FileInfo(snapshot).Length / 1048576.0, CompactedCopy.Write(snapshot, compacted) / 1048576.0);
        Tool.DeleteFile(compacted);
        return sizes;
    }
}

/// <param name="FirstMs">The page's first request, made anew (nothing cached yet for this snapshot and address).</param>
sealed record PageResult(string Page, int Clients, long Requests, double MedianMs, double P95Ms, double RequestsPerSecond, long Failures, double FirstMs = 0);

/// <summary>Starts the Release dashboard on the big warehouse and loads every page with 1 and with 64 clients.</summary>
static class PageLoad
{
    public static readonly string[] Pages = ["/", "/crime", "/districts/E07000105", "/spend", "/outcomes", "/value-for-money", "/allocation", "/peers", "/data", "/panel-report",
        "/records?year=2025/26&kind=recorded-crime", "/lineage?page=crime&figure=incidents-by-month"];
    public static readonly int[] Clients = [1, 64];
    public static string LoadTool => Tool.OnPath("wrk") ? "wrk 4 (benchmarks/wrk-summary.lua)" : "an HttpClient loop (wrk not installed)";

    public static async Task<IReadOnlyList<PageResult>> Measure(string root, string warehouse, Setting setting)
    {
        Console.WriteLine($"Dashboard: every page with 1 client for {setting.OneClientSeconds} s and 64 for {setting.ManyClientsSeconds} s, using {LoadTool}...");
        using var server = DashboardServer.Start(root, warehouse, buildFromSample: false);
        using var client = new HttpClient(new SocketsHttpHandler { AutomaticDecompression = DecompressionMethods.None }) { BaseAddress = server.Address, Timeout = TimeSpan.FromMinutes(2) };
        client.DefaultRequestHeaders.AcceptEncoding.ParseAdd("br"); // as a browser asks
        await DashboardServer.WaitForHealth(client);
        var results = new List<PageResult>();
        foreach (var page in Pages)
        {
            var first = Stopwatch.StartNew();
            await WarmUp(client, page);
            var firstMs = first.Elapsed.TotalMilliseconds;
            for (var i = 1; i < 3; i++) await WarmUp(client, page);
            foreach (var clients in Clients)
            {
                var seconds = clients == 1 ? setting.OneClientSeconds : setting.ManyClientsSeconds;
                var result = Tool.OnPath("wrk") ? Wrk(new Uri(server.Address, page), page, clients, seconds) : await HttpLoop(client, page, clients, seconds);
                Console.WriteLine($"  {page}, {clients} client(s): {result.Requests:N0} requests, median {result.MedianMs:F1} ms, p95 {result.P95Ms:F1} ms, {result.RequestsPerSecond:F1} req/s");
                results.Add(result with { FirstMs = firstMs });
            }
        }
        return results;
    }

    private static PageResult Wrk(Uri url, string page, int clients, int seconds)
    {
        var script = Path.Combine(Directory.GetCurrentDirectory(), "benchmarks", "wrk-summary.lua");
        var output = Tool.Run("wrk", ["-t", Math.Min(clients, 2).ToString(CultureInfo.InvariantCulture), "-c", clients.ToString(CultureInfo.InvariantCulture),
            "-d", $"{seconds}s", "--timeout", "60s", "-H", "Accept-Encoding: br", "-s", script, url.ToString()], capture: true);
        var summary = Regex.Match(output, @"wrk-summary p50_us=(\d+) p95_us=(\d+) requests=(\d+) duration_us=(\d+) failures=(\d+)");
        if (!summary.Success) throw new InvalidOperationException($"wrk printed no summary: {output}");
        double Value(int group) => double.Parse(summary.Groups[group].Value, CultureInfo.InvariantCulture);
        return new PageResult(page, clients, (long)Value(3), Value(1) / 1000, Value(2) / 1000, Value(3) / (Value(4) / 1e6), (long)Value(5));
    }

    /// <summary>Without wrk: each client requests the page again as soon as its answer has arrived, for the time given.</summary>
    private static async Task<PageResult> HttpLoop(HttpClient client, string page, int clients, int seconds)
    {
        var latencies = new List<double>[clients];
        long failures = 0;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, clients).Select(async c =>
        {
            latencies[c] = [];
            while (clock.Elapsed.TotalSeconds < seconds)
            {
                var started = clock.Elapsed.TotalMilliseconds;
                using var response = await client.GetAsync(page);
                await response.Content.ReadAsByteArrayAsync();
                latencies[c].Add(clock.Elapsed.TotalMilliseconds - started);
                if (!response.IsSuccessStatusCode) Interlocked.Increment(ref failures);
            }
        }));
        var sorted = latencies.SelectMany(l => l).Order().ToList();
        double Percentile(double p) => sorted.Count == 0 ? 0 : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];
        return new PageResult(page, clients, sorted.Count, Percentile(0.5), Percentile(0.95), sorted.Count / clock.Elapsed.TotalSeconds, failures);
    }

    private static async Task WarmUp(HttpClient client, string page)
    {
        using var response = await client.GetAsync(page);
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"{page} answered {(int)response.StatusCode}");
        await response.Content.ReadAsByteArrayAsync();
    }
}

/// <summary>The one table: every figure beside its target (issue 10, item 2) and whether it meets it.</summary>
static class Report
{
    public static void Print(Setting setting, NationalData data, Measure reference, Measure year, (double Seconds, long Rows) bare, Measure noOp,
        IReadOnlyList<Measure> laterYears, Measure added, Measure alone, (double SnapshotMiB, double CompactedMiB) snapshot,
        IReadOnlyList<PageResult> pages, TimeSpan elapsed, string fileSystem)
    {
        var runs = new[] { reference, year, noOp, added, alone }.Concat(laterYears).ToList();
        var bigRows = year.RowsRead + laterYears.Sum(y => y.RowsRead);
        var forces = setting.Forces?.ToString(CultureInfo.InvariantCulture) ?? "all";
        Console.WriteLine();
        Console.WriteLine($"National benchmark, {setting.Name} setting: {forces} forces, years of {setting.MonthsPerYear} months, {data.Rows:N0} generated street rows; " +
            $"{Environment.ProcessorCount} cores; warehouses on {fileSystem}; {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC; whole run {elapsed.TotalMinutes:F1} min.");
        Console.WriteLine();
        Console.WriteLine("| measurement | figure | target | meets it |");
        Console.WriteLine("|---|---|---|---|");
        Row($"ETL: reference data (geography, population, peers, returns, plan) into a new warehouse", $"{reference.Seconds:F1} s, peak {reference.PeakMiB:N0} MiB");
        Row($"ETL: national year, {year.RowsRead:N0} rows read ({setting.MonthsPerYear} months), into that warehouse", $"{year.Seconds:F1} s ({year.RowsRead / year.Seconds:N0} rows/s)");
        Row($"DuckDB bare read_csv of the same files into a flat table ({bare.Rows:N0} rows)", $"{bare.Seconds:F1} s");
        Row("read_csv time / ETL time", $"{bare.Seconds / year.Seconds:F3}x", ">= 0.8x", bare.Seconds / year.Seconds >= 0.8);
        Row("ETL peak memory, national year", $"{year.PeakMiB:N0} MiB", "<= 2,048 MiB", year.PeakMiB <= 2048);
        Row("ETL: no-op rerun on the same files", $"{noOp.Seconds:F1} s");
        Row($"ETL: {laterYears.Count} further years, one run each, to {bigRows:N0} rows read", laterYears.Count == 0 ? "none" :
            $"{laterYears.Sum(y => y.Seconds):F1} s in all, last {laterYears[^1].Seconds:F1} s, peak {laterYears.Max(y => y.PeakMiB):N0} MiB");
        Row($"ETL: one month ({added.RowsRead:N0} rows read) added to the big warehouse", $"{added.Seconds:F1} s, peak {added.PeakMiB:N0} MiB");
        Row("ETL: the same month loaded alone (warehouse with reference data only)", $"{alone.Seconds:F1} s, peak {alone.PeakMiB:N0} MiB");
        Row("month added / month alone", $"{added.Seconds / alone.Seconds:F2}x", "<= 2x", added.Seconds / alone.Seconds <= 2);
        Row("ETL peak memory, largest of every run", $"{runs.Max(r => r.PeakMiB):N0} MiB ({runs.MaxBy(r => r.PeakMiB)!.Name})", "<= 2,048 MiB", runs.Max(r => r.PeakMiB) <= 2048);
        Row("published snapshot after the month / compacted copy", $"{snapshot.SnapshotMiB:N0} / {snapshot.CompactedMiB:N0} MiB = {snapshot.SnapshotMiB / snapshot.CompactedMiB:F2}x", "<= 1.2x", snapshot.SnapshotMiB / snapshot.CompactedMiB <= 1.2);
        Row("warehouse folder, largest while the month was added / snapshot", $"{added.MaxDiskMiB:N0} MiB = {added.MaxDiskMiB / snapshot.SnapshotMiB:F2}x", "<= 2.5x", added.MaxDiskMiB / snapshot.SnapshotMiB <= 2.5);
        Console.WriteLine();
        Console.WriteLine($"Pages against the big warehouse ({bigRows + added.RowsRead:N0} rows read in all) after 3 requests to warm up, 1 client for {setting.OneClientSeconds} s, " +
            $"64 for {setting.ManyClientsSeconds} s; load from {PageLoad.LoadTool}; Brotli asked for; requests finished in time only:");
        Console.WriteLine();
        Console.WriteLine("| page | first request ms (made anew) | 1 client: median ms | p95 ms | req/s | 64 clients: median ms | p95 ms | req/s | requests (1 / 64) | target: p95 <= 50 ms at 64 | failed requests |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|---|---|---|");
        foreach (var page in pages.GroupBy(p => p.Page))
        {
            var one = page.Single(p => p.Clients == 1);
            var many = page.Single(p => p.Clients == 64);
            Console.WriteLine($"| {page.Key} | {one.FirstMs:F0} | {Times(one)} | {Times(many)} | {one.Requests:N0} / {many.Requests:N0} | {Meets(many)} | {one.Failures + many.Failures} |");
        }
    }

    private static string Times(PageResult result) =>
        result.Requests == 0 ? "none finished | | 0" : $"{result.MedianMs:F1} | {result.P95Ms:F1} | {result.RequestsPerSecond:F1}";

    // a page that answered nothing in time, or answered with errors, does not meet the target however low its figures
    private static string Meets(PageResult many) => many.Requests > 0 && many.Failures == 0 && many.P95Ms <= 50 ? "yes" : "no";

    private static void Row(string measurement, string figure, string target = "", bool? meets = null) =>
        Console.WriteLine($"| {measurement} | {figure} | {target} | {meets switch { true => "yes", false => "no", null => "" }} |");
}

static class Tool
{
    /// <summary>Runs a command to the end; its output is returned when captured, else goes to the console.</summary>
    public static string Run(string command, string[] arguments, bool capture = false)
    {
        var start = new ProcessStartInfo(command, arguments) { RedirectStandardOutput = capture, RedirectStandardError = capture };
        using var process = Process.Start(start)!;
        var output = capture ? process.StandardOutput.ReadToEndAsync() : Task.FromResult("");
        var errors = capture ? process.StandardError.ReadToEndAsync() : Task.FromResult("");
        process.WaitForExit();
        if (process.ExitCode != 0) throw new InvalidOperationException($"{command} exited {process.ExitCode}: {output.Result}{errors.Result}");
        return output.Result;
    }

    /// <summary>
    /// Waits for the disk to take every write still pending (`sync`), so that a step is timed on a quiet disk and not
    /// charged for the last step's writes: the fifth year's 4 GB were still going to disk while the month was added.
    /// </summary>
    public static void Settle()
    {
        if (OnPath("sync")) Run("sync", []);
    }

    public static bool OnPath(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Any(folder => File.Exists(Path.Combine(folder, program)));

    /// <summary>VmHWM is the process's peak resident set so far; sampled until it exits.</summary>
    public static long PeakResidentKib(int pid)
    {
        try
        {
            var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
            return line is null ? 0 : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
        }
        catch (IOException) { return 0; }
    }

    /// <summary>Bytes of every file under the folder now; files the ETL moves or removes meanwhile are passed over.</summary>
    public static long FolderBytes(string folder)
    {
        long bytes = 0;
        try
        {
            foreach (var file in new DirectoryInfo(folder).EnumerateFiles("*", SearchOption.AllDirectories))
            {
                try { bytes += file.Length; }
                catch (IOException) { }
            }
        }
        catch (IOException) { }
        return bytes;
    }

    public static string FreshFolder(string folder)
    {
        DeleteFolder(folder);
        return Directory.CreateDirectory(folder).FullName;
    }

    /// <summary>Published snapshots are read-only files, so they are made writable first.</summary>
    public static void DeleteFolder(string folder)
    {
        if (!Directory.Exists(folder)) return;
        foreach (var file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)) File.SetAttributes(file, FileAttributes.Normal);
        Directory.Delete(folder, recursive: true);
    }

    public static void DeleteFile(string path)
    {
        foreach (var file in new[] { path, path + ".wal" }) if (File.Exists(file)) File.Delete(file);
    }
}
