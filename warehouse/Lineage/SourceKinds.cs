using Analytics.Warehouse.Schema;
using Microsoft.VisualBasic.FileIO;

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
        using var parser = new TextFieldParser(new StringReader(EmbeddedSql.Read("seeds/source_kinds.csv"))) { HasFieldsEnclosedInQuotes = true };
        parser.SetDelimiters(",");
        var header = parser.ReadFields()!.ToList();
        int Column(string name) => header.IndexOf(name) is >= 0 and var index ? index : throw new InvalidOperationException($"seeds/source_kinds.csv has no column {name}.");
        var (kind, name, publisher, tables, description) = (Column("source_kind"), Column("name"), Column("publisher"), Column("raw_tables"), Column("description"));
        var kinds = new Dictionary<string, SourceKind>(StringComparer.Ordinal);
        while (parser.ReadFields() is { } row)
            kinds[row[kind]] = new SourceKind(row[kind], row[name], row[publisher], row[tables].Split(';', StringSplitOptions.TrimEntries), row[description]);
        return kinds;
    }
}
