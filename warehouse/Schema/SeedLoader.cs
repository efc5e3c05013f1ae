using DuckDB.NET.Data;
using Dapper;

namespace Analytics.Warehouse.Schema;

/// <summary>
/// Loads the reference CSVs in warehouse/seeds into the seeds schema with DuckDB's own CSV reader.
/// They are written to a scratch folder first because DuckDB reads files, not assembly resources.
/// </summary>
public static class SeedLoader
{
    public static IReadOnlyList<string> SeedNames { get; } = EmbeddedSql.List("seeds/")
        .Select(resource => Path.GetFileNameWithoutExtension(resource))
        .ToList();

    public static void Load(DuckDBConnection connection, string scratchDirectory)
    {
        Directory.CreateDirectory(scratchDirectory);
        foreach (var name in SeedNames)
        {
            var path = Path.Combine(scratchDirectory, name + ".csv");
            File.WriteAllText(path, EmbeddedSql.Read($"seeds/{name}.csv"));
            // The table name is the seed's file name, fixed at build time; the path is bound as a parameter.
            var load = $"CREATE OR REPLACE TABLE seeds.{name} AS SELECT * FROM read_csv($path, header = true, auto_detect = true)";
            connection.Execute(load, new { path });
        }
    }
}
