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

    /// <summary>2021 LSOAs from the Kent and Medway lookup first, then 2011 LSOAs from the national one,
    /// each district code taken to today's active code.</summary>
    public static Dictionary<string, string> LsoaToDistrict()
    {
        var active = ReadCsv(Path.Combine(RepositoryPaths.Geography, "drkane_la_all_codes.csv"))
            .ToDictionary(row => row.Row["LADCD"], row => row.Row["LADCD_ACTIVE"]);
        string Active(string code) => active.TryGetValue(code, out var now) ? now : code;
        var map = new Dictionary<string, string>();
        foreach (var (_, row) in ReadCsv(Path.Combine(RepositoryPaths.Geography, "DERIVED_kent_medway_LSOA21_to_LAD.csv")))
            map[row["LSOA21CD"]] = Active(row["LADCD"]);
        foreach (var (_, row) in ReadCsv(Path.Combine(RepositoryPaths.Geography, "ons_LSOA11_CCG20_LAD20_lookup_England_apr2020.csv")))
            map.TryAdd(row["LSOA11CD"], Active(row["LAD20CD"]));
        return map;
    }

    /// <summary>Mid-2023 residents by district code, from the ONS file as published.</summary>
    public static Dictionary<string, long> Population2023() =>
        ReadCsv(Path.Combine(RepositoryPaths.Population, "ons_mye_mid2023_ew_by_geography.csv"))
            .ToDictionary(row => row.Row["Code"], row => long.Parse(row.Row["All ages"], CultureInfo.InvariantCulture));

    /// <summary>Kent's recorded crimes (anti-social behaviour apart, each Crime ID once) by district and month.</summary>
    public static Dictionary<(string District, string Month), long> KentRecordedCrimes()
    {
        var lsoaToDistrict = LsoaToDistrict();
        var seen = new HashSet<(string Month, string Id)>();
        var counts = new Dictionary<(string, string), long>();
        foreach (var (_, lines) in PoliceCsv.KentStreetFiles())
            foreach (var fields in lines.Skip(1).Select(line => line.Split(',')))
            {
                if (fields[9] == "Anti-social behaviour" || !seen.Add((fields[1], fields[0]))) continue;
                var district = lsoaToDistrict.TryGetValue(fields[7], out var code) ? code : "UNKNOWN";
                counts[(district, fields[1])] = counts.GetValueOrDefault((district, fields[1])) + 1;
            }
        return counts;
    }

    public static decimal Money(string text) => text.Length == 0 ? 0m : decimal.Parse(text, CultureInfo.InvariantCulture);
}
