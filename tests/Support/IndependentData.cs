using System.Globalization;

namespace Analytics.Tests.Support;

/// <summary>
/// Reads the bundled files the plain way, in the test, so that expected figures do not come from the code
/// under test: CSV split by hand, LSOAs placed by the ONS lookups read by hand.
/// </summary>
public static class IndependentData
{
    public static List<string> SplitCsvLine(string line)
    {
        var fields = new List<string>();
        var current = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (c == '"' && quoted && i + 1 < line.Length && line[i + 1] == '"') { current.Append('"'); i++; }
            else if (c == '"') quoted = !quoted;
            else if (c == ',' && !quoted) { fields.Add(current.ToString()); current.Clear(); }
            else current.Append(c);
        }
        fields.Add(current.ToString());
        return fields;
    }

    /// <summary>Rows of a CSV as name to value, with the line number of each.</summary>
    public static IEnumerable<(int Line, Dictionary<string, string> Row)> ReadCsv(string path)
    {
        var lines = File.ReadAllLines(path);
        var header = SplitCsvLine(lines[0].TrimStart('\uFEFF'));
        for (var i = 1; i < lines.Length; i++)
        {
            if (lines[i].Length == 0) continue;
            var fields = SplitCsvLine(lines[i]);
            yield return (i + 1, header.Select((name, index) => (name, value: index < fields.Count ? fields[index] : ""))
                .ToDictionary(pair => pair.name, pair => pair.value));
        }
    }

    /// <summary>2021 LSOAs from the ONS 2024 best-fit lookup first, then the 2021 and 2011 LSOAs of the ONS exact-fit
    /// lookup, each district code taken to today's active code (districts merged in 2023 to their successors).</summary>
    public static Dictionary<string, string> LsoaToDistrict()
    {
        var inLookup = ReadCsv(Path.Combine(RepositoryPaths.Geography, "DERIVED_ons_LAD24_CSP24_PFA24_lookup_EW.csv")).Select(row => row.Row["LAD24CD"]).ToHashSet();
        var history = ActiveDistrictCode();
        // today's code, unless the December 2024 lookup still uses this one (Barnsley, Sheffield)
        string Active(string code) => inLookup.Contains(code) ? code : history(code);
        var map = new Dictionary<string, string>();
        foreach (var (_, row) in ReadCsv(Path.Combine(RepositoryPaths.Geography, "DERIVED_ons_LSOA21_WD24_LAD24_lookup_EW.csv")))
            map[row["LSOA21CD"]] = Active(row["LAD24CD"]);
        var exactFit = ReadCsv(Path.Combine(RepositoryPaths.Geography, "ons_LSOA11_LSOA21_LAD22_exact_fit_lookup_EW.csv")).ToList();
        foreach (var (_, row) in exactFit) map.TryAdd(row["LSOA21CD"], Active(row["LAD22CD"]));
        foreach (var (_, row) in exactFit) map.TryAdd(row["LSOA11CD"], Active(row["LAD22CD"]));
        return map;
    }

    /// <summary>Today's code of any district code since 2011, from the code history bundled with the sample.</summary>
    public static Func<string, string> ActiveDistrictCode()
    {
        var active = ReadCsv(Path.Combine(RepositoryPaths.Geography, "drkane_la_all_codes.csv"))
            .ToDictionary(row => row.Row["LADCD"], row => row.Row["LADCD_ACTIVE"]);
        return code => active.TryGetValue(code, out var now) ? now : code;
    }

    /// <summary>Residents by district code for one mid-year, from the ONS series bundled with the sample.</summary>
    public static Dictionary<string, long> Population(int midYear) =>
        ReadCsv(Path.Combine(RepositoryPaths.Population, "DERIVED_ons_mye_mid2021_to_mid2024_by_lad23.csv"))
            .ToDictionary(row => row.Row["LAD23CD"], row => long.Parse(row.Row[$"pop_mid{midYear}"], CultureInfo.InvariantCulture));

    /// <summary>Kent's recorded crimes (anti-social behaviour apart, each Crime ID once) by district and month.</summary>
    public static Dictionary<(string District, string Month), long> KentRecordedCrimes()
    {
        var counts = new Dictionary<(string, string), long>();
        foreach (var record in CountedRecords().Where(record => record.Force == "Kent Police" && record.CrimeType != "Anti-social behaviour"))
            counts[(record.District, record.Month)] = counts.GetValueOrDefault((record.District, record.Month)) + 1;
        return counts;
    }

    public sealed record StreetRecord(string Source, int Line, string CrimeId, string Month, string Force, string Lsoa, string District,
        string CrimeType, string Outcome);

    /// <summary>
    /// The sample's street records that count, one per incident: every anti-social behaviour row, and one row per
    /// Crime ID of a force. Where a Crime ID has several rows, the kept one is, by the documented rule, a located row
    /// before one with no location, then one whose outcome is final before one still pending (under investigation,
    /// status update unavailable, awaiting court outcome or blank); the rest of the rule (later month, newer file,
    /// content) only decides between rows that these tests find in the same district, month and crime type.
    /// </summary>
    public static List<StreetRecord> CountedRecords()
    {
        var lsoaToDistrict = LsoaToDistrict();
        var records = new List<StreetRecord>();
        foreach (var (name, lines) in PoliceCsv.SampleStreetFiles())
            foreach (var (line, index) in lines.Select((line, index) => (line, index)).Skip(1))
            {
                var fields = SplitCsvLine(line);
                var district = fields[7].Length > 0 && lsoaToDistrict.TryGetValue(fields[7], out var code) ? code : "UNKNOWN";
                records.Add(new StreetRecord(name, index + 1, fields[0], fields[1], fields[3], fields[7], district, fields[9], fields[10]));
            }
        var crimes = records.Where(record => record.CrimeId.Length > 0)
            .GroupBy(record => (record.Force, record.CrimeId))
            .Select(Kept);
        return [.. records.Where(record => record.CrimeId.Length == 0), .. crimes];
    }

    private static bool IsPending(string outcome) => outcome is "" or "Under investigation" or "Status update unavailable" or "Awaiting court outcome";

    private static StreetRecord Kept(IEnumerable<StreetRecord> rows)
    {
        var ranked = rows.OrderBy(record => record.Lsoa.Length == 0).ThenBy(record => IsPending(record.Outcome)).ToList();
        var tied = ranked.Where(record => record.Lsoa.Length == 0 == (ranked[0].Lsoa.Length == 0) && IsPending(record.Outcome) == IsPending(ranked[0].Outcome));
        if (tied.Any(record => (record.District, record.Month, record.CrimeType) != (ranked[0].District, ranked[0].Month, ranked[0].CrimeType)))
            throw new InvalidOperationException($"Crime ID {ranked[0].CrimeId} has rows these tests cannot choose between by location and outcome alone");
        return ranked[0];
    }

    public static decimal Money(string text) => text.Length == 0 ? 0m : decimal.Parse(text, CultureInfo.InvariantCulture);
}
