using System.Text.RegularExpressions;
using Analytics.Tests.Support;

namespace Analytics.Tests.Warehouse;

/// <summary>
/// Every metric is defined once, in the marts: the dashboard's query classes read marts.* only (and meta.*, the
/// load journal, where a page reports on loads). Read from the source of warehouse/Queries, so a query added
/// anywhere in those classes is checked without being listed here.
/// </summary>
public sealed partial class QuerySchemaTests
{
    private static readonly string QueriesFolder = Path.Combine(RepositoryPaths.Root, "warehouse", "Queries");

    /// <summary>Classes that report on loads and runs, and so may read meta.*. LineageQueries reads the model catalog,
    /// source files, runs, rejects and data test results that the ETL records in meta.* of each snapshot: a figure's
    /// lineage is a report on loads.</summary>
    private static readonly HashSet<string> ReadMeta = ["DataQueries.cs", "OperationsQueries.cs", "LoadHistoryQueries.cs", "OverviewQueries.cs", "LineageQueries.cs"];

    [Fact]
    public void Dashboard_queries_read_only_the_marts()
    {
        var schemas = WarehouseSchemas();
        var files = Directory.GetFiles(QueriesFolder, "*.cs");
        Assert.Contains("marts", schemas);
        Assert.Contains("core", schemas);

        var offending = new List<string>();
        var marts = 0;
        foreach (var file in files)
        {
            var name = Path.GetFileName(file);
            foreach (var (schema, reference, line) in References(File.ReadAllLines(file), schemas))
            {
                if (schema == "marts") { marts++; continue; }
                if (schema == "meta" && ReadMeta.Contains(name)) continue;
                offending.Add($"{name}:{line}: {reference}");
            }
            // Recorded crime is told from anti-social behaviour by the marts' is_recorded_crime, never by its name.
            offending.AddRange(File.ReadAllLines(file).Select((text, index) => (text, index))
                .Where(l => !l.text.TrimStart().StartsWith("//", StringComparison.Ordinal) && l.text.Contains("Anti-social behaviour", StringComparison.OrdinalIgnoreCase))
                .Select(l => $"{name}:{l.index + 1}: the crime type named instead of is_recorded_crime"));
        }
        Assert.True(offending.Count == 0, "Query classes read outside marts.*:\n" + string.Join("\n", offending));
        Assert.True(marts > 20, $"only {marts} marts.* references found: is the scan reading the query classes?");
    }

    [Fact]
    public void The_scan_finds_a_read_of_another_schema()
    {
        string[] source =
        [
            "/// <summary>Reads core.dim_district in a comment, which does not count.</summary>",
            "return connection.Query<Row>(\"\"\"",
            "    SELECT * FROM marts.value_for_money AS v",
            "    JOIN core.dim_district AS d USING (district_code)",
            "    WHERE v.crime_type <> 'Anti-social behaviour'",
            "    \"\"\");",
        ];
        var found = References(source, WarehouseSchemas()).Select(r => (r.Schema, r.Line)).ToList();
        Assert.Equal([("marts", 3), ("core", 4)], found);
    }

    /// <summary>The schemas the warehouse's migrations create, so a new one is checked without changing this test.</summary>
    private static HashSet<string> WarehouseSchemas() =>
        Directory.GetFiles(Path.Combine(RepositoryPaths.Root, "warehouse", "migrations"), "*.sql")
            .SelectMany(file => CreateSchema().Matches(File.ReadAllText(file)).Select(m => m.Groups[1].Value.ToLowerInvariant()))
            .ToHashSet();

    /// <summary>Each schema-qualified name in the code (comments left out), with its line number.</summary>
    private static IEnumerable<(string Schema, string Reference, int Line)> References(string[] lines, HashSet<string> schemas)
    {
        for (var i = 0; i < lines.Length; i++)
        {
            var code = lines[i].TrimStart();
            if (code.StartsWith("//", StringComparison.Ordinal)) continue;
            foreach (Match match in Qualified().Matches(code))
                if (schemas.Contains(match.Groups["schema"].Value.ToLowerInvariant()))
                    yield return (match.Groups["schema"].Value.ToLowerInvariant(), match.Value.ToLowerInvariant(), i + 1);
        }
    }

    [GeneratedRegex(@"CREATE\s+SCHEMA\s+(?:IF\s+NOT\s+EXISTS\s+)?(\w+)", RegexOptions.IgnoreCase)]
    private static partial Regex CreateSchema();

    [GeneratedRegex(@"\b(?<schema>[A-Za-z_]+)\.(?<name>[A-Za-z_][A-Za-z0-9_]*)\b")]
    private static partial Regex Qualified();
}
