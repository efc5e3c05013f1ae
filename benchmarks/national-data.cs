// Generator: national-scale data.police.uk street files made from the real Kent street months of the bundled sample.
// For each chosen force and month it writes DIR/YYYY-MM/YYYY-MM-<slug>-street.csv from one Kent template month
// (cycling through the 13 the sample holds), with Month, Reported by and Falls within set to that force, each LSOA
// replaced by a real LSOA of the force's area, fresh Crime IDs, and anti-social behaviour rows (no Crime ID) kept as
// they are, identical copies included. Street files only: the issue's figures and targets count street records, and
// the sample's outcomes files are trimmed extracts (16 KB a month beside 3 MB of street records), too small to stand
// for real ones.
// Run from the repository root:
//   dotnet run benchmarks/national-data.cs -- --out DIR [--forces N|all] [--months N] [--start YYYY-MM]
#:project ../warehouse/Analytics.Warehouse.csproj
#:property PublishAot=false

using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using Analytics.Warehouse;
using Dapper;
using DuckDB.NET.Data;

var root = Directory.GetCurrentDirectory();
if (!File.Exists(Path.Combine(root, "Analytics.sln"))) { Console.Error.WriteLine("Run from the repository root."); return 1; }
if (!Options.TryParse(args, out var options, out var problem)) { Console.Error.WriteLine(problem); return 2; }

var clock = Stopwatch.StartNew();
var sample = Path.Combine(root, "data", "sample");
// DuckDB reads the sample's CSVs (quoted fields and all), so this program only writes CSV
using var duckDb = DuckDbConnections.OpenReadWrite(":memory:");
var templates = TemplateMonth.ReadKent(duckDb, Path.Combine(sample, "police"));
var areas = ForceArea.Read(duckDb, Path.Combine(root, "warehouse", "seeds", "police_forces.csv"), Path.Combine(sample, "geography"));
var kent = areas.Single(a => a.Slug == "kent");
var chosen = options.Forces is int count ? areas.Take(count).ToList() : areas;
Console.WriteLine($"Template: {templates.Count} Kent street months ({string.Join(", ", templates.Select(t => t.Month))}).");
Console.WriteLine($"{chosen.Count} of the {areas.Count} English and Welsh force areas with LSOAs in the lookup: {string.Join(", ", chosen.Select(a => $"{a.Slug} ({a.Lsoas.Count:N0} LSOAs)"))}");

long rows = 0;
var month = options.Start;
for (var m = 0; m < options.Months; m++, month = month.AddMonths(1))
{
    var template = templates[m % templates.Count];
    var label = month.ToString("yyyy-MM", CultureInfo.InvariantCulture);
    var folder = Directory.CreateDirectory(Path.Combine(options.Out, label)).FullName;
    foreach (var area in chosen)
        rows += StreetFile.Write(Path.Combine(folder, $"{label}-{area.Slug}-street.csv"), template, label, area, new LsoaMapping(kent.Lsoas, area.Lsoas));
    Console.WriteLine($"{label}: from Kent {template.Month}, {rows:N0} rows so far, {clock.Elapsed.TotalSeconds:F1} s");
}
Console.WriteLine($"Wrote {rows:N0} street rows ({chosen.Count} forces x {options.Months} months) to {options.Out} in {clock.Elapsed.TotalSeconds:F1} s.");
return 0;

sealed record Options(string Out, int? Forces, int Months, DateOnly Start)
{
    public static bool TryParse(string[] args, out Options options, out string problem)
    {
        options = new Options("", null, 12, new DateOnly(2025, 1, 1));
        problem = "";
        for (var i = 0; problem.Length == 0 && i + 1 < args.Length; i += 2)
        {
            var value = args[i + 1];
            switch (args[i])
            {
                case "--out": options = options with { Out = Path.GetFullPath(value) }; break;
                case "--forces" when value == "all": options = options with { Forces = null }; break;
                case "--forces" when int.TryParse(value, out var forces) && forces > 0: options = options with { Forces = forces }; break;
                case "--months" when int.TryParse(value, out var months) && months > 0: options = options with { Months = months }; break;
                case "--start" when DateOnly.TryParseExact(value + "-01", "yyyy-MM-dd", out var start): options = options with { Start = start }; break;
                default: problem = $"Cannot use '{args[i]} {value}'."; break;
            }
        }
        if (problem.Length == 0 && args.Length % 2 == 1) problem = $"'{args[^1]}' needs a value.";
        if (problem.Length == 0 && options.Out.Length == 0) problem = "Say where to write: --out DIR.";
        if (problem.Length == 0) return true;
        problem += " Usage: --out DIR [--forces N|all] [--months N] [--start YYYY-MM]";
        return false;
    }
}

/// <summary>One real Kent street month, split into fields once so every force written from it reuses them.</summary>
sealed record TemplateMonth(string Month, string Header, IReadOnlyList<string[]> Rows)
{
    public static IReadOnlyList<TemplateMonth> ReadKent(DuckDBConnection duckDb, string policeFolder)
    {
        var extracted = Directory.CreateTempSubdirectory("national-data-").FullName;
        try
        {
            foreach (var zip in Directory.EnumerateFiles(policeFolder, "kent-*.zip")) ZipFile.ExtractToDirectory(zip, extracted);
            return Directory.EnumerateFiles(extracted, "*-kent-street.csv", SearchOption.AllDirectories)
                .Select(file => new TemplateMonth(Path.GetFileName(file)[..7], File.ReadLines(file).First(), ReadRows(duckDb, file)))
                .OrderBy(m => m.Month, StringComparer.Ordinal)
                .ToList();
        }
        finally { Directory.Delete(extracted, recursive: true); }
    }

    private static List<string[]> ReadRows(DuckDBConnection duckDb, string file)
    {
        using var reader = duckDb.ExecuteReader("SELECT * FROM read_csv($file, header = true, all_varchar = true)", new { file });
        var rows = new List<string[]>();
        while (reader.Read())
            rows.Add(Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? "" : reader.GetString(i)).ToArray());
        return rows;
    }
}

/// <summary>A force of the seed with its area's LSOAs (code and name), ordered by name so neighbours share a district.</summary>
sealed record ForceArea(string Slug, string Name, IReadOnlyList<(string Code, string Name)> Lsoas)
{
    /// <summary>Kent first (the bundled plan and returns are Kent's, so every page has work at any size), then seed order.</summary>
    public static IReadOnlyList<ForceArea> Read(DuckDBConnection duckDb, string seed, string geography)
    {
        var districts = Path.Combine(geography, "DERIVED_ons_LAD24_CSP24_PFA24_lookup_EW.csv");
        var lsoas = Path.Combine(geography, "DERIVED_ons_LSOA21_WD24_LAD24_lookup_EW.csv");
        // a district split between community safety partnerships is listed once for each: hence DISTINCT
        var rows = duckDb.Query<(string Slug, string Name, string Code, string LsoaName)>("""
            WITH force AS (SELECT *, row_number() OVER () AS seed_order FROM read_csv($seed, header = true, all_varchar = true)),
                 district AS (SELECT DISTINCT LAD24CD, PFA24CD FROM read_csv($districts, header = true, all_varchar = true)),
                 lsoa AS (SELECT DISTINCT LSOA21CD, LSOA21NM, LAD24CD FROM read_csv($lsoas, header = true, all_varchar = true))
            SELECT f.force_slug, f.force_name, l.LSOA21CD, l.LSOA21NM
            FROM force f
            JOIN district d ON d.PFA24CD = f.force_area_code
            JOIN lsoa l ON l.LAD24CD = d.LAD24CD
            ORDER BY f.force_slug <> 'kent', f.seed_order, l.LSOA21NM, l.LSOA21CD
            """, new { seed, districts, lsoas });
        return rows.GroupBy(r => (r.Slug, r.Name))
            .Select(g => new ForceArea(g.Key.Slug, g.Key.Name, g.Select(r => (r.Code, r.LsoaName)).ToList()))
            .ToList();
    }
}

/// <summary>
/// Kent LSOA -> an LSOA of the target area, by position in the two name-ordered lists, so Kent's spread of records
/// over districts carries over. LSOAs outside Kent (the police files hold a few) are placed by a stable hash.
/// </summary>
sealed class LsoaMapping(IReadOnlyList<(string Code, string Name)> kent, IReadOnlyList<(string Code, string Name)> target)
{
    private readonly Dictionary<string, int> kentIndex = kent.Select((l, i) => (l.Code, i)).ToDictionary(p => p.Code, p => p.i);

    public (string Code, string Name) Map(string code)
    {
        if (code.Length == 0) return ("", "");
        var index = kentIndex.TryGetValue(code, out var i)
            ? (int)((long)i * target.Count / kent.Count)
            : (int)(StableHash(code) % (uint)target.Count);
        return target[index];
    }

    private static uint StableHash(string text)
    {
        var hash = 2166136261u; // FNV-1a: string.GetHashCode differs from run to run
        foreach (var c in text) hash = (hash ^ c) * 16777619u;
        return hash;
    }
}

static class StreetFile
{
    private const int CrimeId = 0, Month = 1, ReportedBy = 2, FallsWithin = 3, LsoaCode = 7, LsoaName = 8;

    /// <summary>Streams one force-month to disk; returns the rows written.</summary>
    public static long Write(string path, TemplateMonth template, string month, ForceArea area, LsoaMapping mapping)
    {
        using var writer = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 16) { NewLine = "\n" };
        writer.WriteLine(template.Header);
        var fields = new string[12];
        long row = 0;
        foreach (var source in template.Rows)
        {
            Array.Clear(fields);
            source.CopyTo(fields, 0);
            // anti-social behaviour rows have no Crime ID: real files repeat them, so they stay identical
            if (fields[CrimeId].Length > 0) fields[CrimeId] = NewCrimeId(area.Slug, month, row);
            fields[Month] = month;
            fields[ReportedBy] = fields[FallsWithin] = area.Name;
            (fields[LsoaCode], fields[LsoaName]) = mapping.Map(fields[LsoaCode]);
            writer.WriteLine(Csv.Join(fields));
            row++;
        }
        return row;
    }

    /// <summary>64 hex characters like data.police.uk's, unique for each force, month and row, and the same every run.</summary>
    private static string NewCrimeId(string slug, string month, long row) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{slug}|{month}|{row}")));
}

static class Csv
{
    public static string Join(string[] fields) => string.Join(',', fields.Select(Quote));

    private static string Quote(string field) =>
        field.AsSpan().IndexOfAny(",\"\n") < 0 ? field : "\"" + field.Replace("\"", "\"\"") + "\"";
}
