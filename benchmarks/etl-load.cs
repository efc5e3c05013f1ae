// Benchmark: time and peak memory of the ETL loading the bundled sample, from scratch and again on the same
// files, and its rows per second beside DuckDB's bare read_csv of the same street files into a flat table.
// Run from the repository root:  dotnet run benchmarks/etl-load.cs [repeats]
#:project ../warehouse/Analytics.Warehouse.csproj
#:property PublishAot=false

using System.Diagnostics;
using System.IO.Compression;
using Analytics.Warehouse;
using Dapper;

var repeats = args.Length > 0 ? int.Parse(args[0]) : 3;
var root = Directory.GetCurrentDirectory();
if (!File.Exists(Path.Combine(root, "Analytics.sln"))) { Console.Error.WriteLine("Run from the repository root."); return 1; }
var kentZip = Path.Combine(root, "data", "sample", "police", "kent-2025-01-to-2025-09.zip");

Console.WriteLine("Building the ETL (Release)...");
Run("dotnet", ["build", Path.Combine(root, "etl"), "-c", "Release", "--nologo", "-v", "q"]);
var etl = Path.Combine(root, "etl", "bin", "Release", "net10.0", "analytics-etl.dll");
var scratch = Directory.CreateTempSubdirectory("etl-benchmark-").FullName;

var fromScratch = new List<Measure>();
var repeatRun = new List<Measure>();
var streetOnly = new List<Measure>();
var bare = new List<double>();
const long StreetRows = 137_208;
try
{
    var extracted = Path.Combine(scratch, "kent");
    ZipFile.ExtractToDirectory(kentZip, extracted);
    var streetFiles = Path.Combine(extracted, "*", "*-street.csv");

    for (var i = 0; i < repeats; i++)
    {
        var warehouse = Path.Combine(scratch, $"sample{i}");
        fromScratch.Add(Etl(["run", "--source", Path.Combine(root, "data", "sample"), "--warehouse", warehouse, "--plain"]));
        repeatRun.Add(Etl(["run", "--source", Path.Combine(root, "data", "sample"), "--warehouse", warehouse, "--plain"]));
        streetOnly.Add(Etl(["run", "--source", kentZip, "--warehouse", Path.Combine(scratch, $"street{i}"), "--plain"]));
        bare.Add(BareReadCsv(streetFiles, Path.Combine(scratch, $"flat{i}.duckdb")));
    }
}
finally
{
    foreach (var file in Directory.EnumerateFiles(scratch, "*", SearchOption.AllDirectories)) File.SetAttributes(file, FileAttributes.Normal);
    Directory.Delete(scratch, recursive: true);
}

Console.WriteLine();
Console.WriteLine($"Median of {repeats} runs, {Environment.ProcessorCount} cores:");
Console.WriteLine($"| measurement | seconds | peak memory (MiB) | rows per second |");
Console.WriteLine($"|---|---|---|---|");
var sampleRows = fromScratch[0].RowsRead;
Console.WriteLine($"| ETL: bundled sample from scratch ({sampleRows:N0} rows) | {Median(fromScratch.Select(m => m.Seconds)):F2} | {Median(fromScratch.Select(m => m.PeakMiB)):F0} | {sampleRows / Median(fromScratch.Select(m => m.Seconds)):N0} |");
Console.WriteLine($"| ETL: repeat run on the same files (nothing new) | {Median(repeatRun.Select(m => m.Seconds)):F2} | {Median(repeatRun.Select(m => m.PeakMiB)):F0} | |");
Console.WriteLine($"| ETL: Kent street zip only, from scratch ({StreetRows:N0} rows) | {Median(streetOnly.Select(m => m.Seconds)):F2} | {Median(streetOnly.Select(m => m.PeakMiB)):F0} | {StreetRows / Median(streetOnly.Select(m => m.Seconds)):N0} |");
Console.WriteLine($"| DuckDB bare read_csv of the same 9 street files into a flat table | {Median(bare):F2} | | {StreetRows / Median(bare):N0} |");
return 0;

Measure Etl(string[] arguments)
{
    var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
    start.ArgumentList.Add(etl);
    foreach (var argument in arguments) start.ArgumentList.Add(argument);
    var clock = Stopwatch.StartNew();
    using var process = Process.Start(start)!;
    var output = process.StandardOutput.ReadToEndAsync();
    var errors = process.StandardError.ReadToEndAsync();
    long peakKib = 0;
    while (!process.WaitForExit(10)) peakKib = Math.Max(peakKib, PeakResidentKib(process.Id));
    clock.Stop();
    if (process.ExitCode != 0) throw new InvalidOperationException($"ETL exited {process.ExitCode}: {output.Result}{errors.Result}");
    // the run summary, the last line, gives the rows read in all
    var rows = System.Text.RegularExpressions.Regex.Matches(output.Result, @"([\d,]+) rows read").Last().Groups[1].Value.Replace(",", "");
    return new Measure(clock.Elapsed.TotalSeconds, peakKib / 1024.0, rows.Length > 0 ? long.Parse(rows) : 0);
}

// VmHWM is the process's peak resident set so far; sampled until it exits.
static long PeakResidentKib(int pid)
{
    try
    {
        var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        return line is null ? 0 : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]);
    }
    catch (IOException) { return 0; }
}

static double BareReadCsv(string files, string database)
{
    var clock = Stopwatch.StartNew();
    using var connection = DuckDbConnections.OpenReadWrite(database);
    connection.Execute("CREATE TABLE flat AS SELECT * FROM read_csv($files, header = true)", new { files }); // files: a glob
    var rows = connection.ExecuteScalar<long>("SELECT count(*) FROM flat");
    connection.Execute("CHECKPOINT");
    clock.Stop();
    if (rows != 137_208) throw new InvalidOperationException($"read_csv gave {rows} rows");
    return clock.Elapsed.TotalSeconds;
}

static void Run(string command, string[] arguments)
{
    using var process = Process.Start(command, arguments)!;
    process.WaitForExit();
    if (process.ExitCode != 0) throw new InvalidOperationException($"{command} exited {process.ExitCode}");
}

static double Median(IEnumerable<double> values)
{
    var sorted = values.Order().ToList();
    return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
}

sealed record Measure(double Seconds, double PeakMiB, long RowsRead);
