using Analytics.Warehouse.Schema;

namespace Analytics.Warehouse.Lineage;

/// <summary>A kind of source file as warehouse/seeds/source_kinds.csv describes it.</summary>
public sealed record SourceKind(string Kind, string Name, string Publisher, IReadOnlyList<string> RawTables, string Description);

/// <summary>
/// The vocabulary of source kinds, read from the seed compiled into this assembly (the same file the warehouse loads
/// as seeds.source_kinds), so that a kind's name in words is written once for the ETL, the marts and every page.
/// </summary>
public static class SourceKinds
{
    private static readonly Lazy<Dictionary<string, SourceKind>> Loaded = new(Load);

    public static IReadOnlyCollection<SourceKind> All => Loaded.Value.Values.ToList();

    /// <summary>The kind in words (Police street-level crime), or the kind itself for one the seed does not know.</summary>
    public static string Name(string kind) => Loaded.Value.TryGetValue(kind, out var known) ? known.Name : kind;

    private static Dictionary<string, SourceKind> Load()
    {
        var lines = EmbeddedSql.Read("seeds/source_kinds.csv").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var header = Fields(lines[0]);
        int Column(string name) => header.IndexOf(name) is >= 0 and var index ? index : throw new InvalidOperationException($"seeds/source_kinds.csv has no column {name}.");
        var (kind, name, publisher, tables, description) = (Column("source_kind"), Column("name"), Column("publisher"), Column("raw_tables"), Column("description"));
        return lines.Skip(1).Select(Fields)
            .Select(row => new SourceKind(row[kind], row[name], row[publisher], row[tables].Split(';', StringSplitOptions.TrimEntries), row[description]))
            .ToDictionary(known => known.Kind, StringComparer.Ordinal);
    }

    /// <summary>One CSV line's fields, quoted ones ("a, b" and "say ""x""") included.</summary>
    private static List<string> Fields(string line)
    {
        var fields = new List<string>();
        var field = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted && c == '"' && i + 1 < line.Length && line[i + 1] == '"') { field.Append('"'); i++; }
            else if (c == '"') quoted = !quoted;
            else if (c == ',' && !quoted) { fields.Add(field.ToString()); field.Clear(); }
            else field.Append(c);
        }
        fields.Add(field.ToString());
        return fields;
    }
}
