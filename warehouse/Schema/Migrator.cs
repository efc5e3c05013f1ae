using System.Text.RegularExpressions;
using DuckDB.NET.Data;
using Dapper;

namespace Analytics.Warehouse.Schema;

/// <summary>
/// Brings a warehouse file up to the current schema by applying the embedded migrations/NNNN_name.sql files
/// it has not seen yet, each in its own transaction, and recording them in meta.schema_migrations.
/// </summary>
public static partial class Migrator
{
    public sealed record Migration(int Version, string Name, string Sql);

    public static IReadOnlyList<Migration> All { get; } = EmbeddedSql.List("migrations/")
        .Select(resource =>
        {
            var match = MigrationName().Match(resource);
            if (!match.Success)
                throw new InvalidOperationException($"Migration '{resource}' is not named NNNN_description.sql.");
            return new Migration(int.Parse(match.Groups[1].Value), match.Groups[2].Value, EmbeddedSql.Read(resource));
        })
        .OrderBy(migration => migration.Version)
        .ToList();

    public static int LatestVersion => All[^1].Version;

    /// <returns>The migrations applied by this call.</returns>
    public static IReadOnlyList<Migration> Migrate(DuckDBConnection connection)
    {
        connection.Execute("""
            CREATE SCHEMA IF NOT EXISTS meta;
            CREATE TABLE IF NOT EXISTS meta.schema_migrations (
                version INTEGER PRIMARY KEY, name VARCHAR NOT NULL, applied_at TIMESTAMP NOT NULL);
            """);
        var applied = connection.Query<int>("SELECT version FROM meta.schema_migrations").ToHashSet();
        var pending = All.Where(migration => !applied.Contains(migration.Version)).ToList();
        foreach (var migration in pending)
        {
            using var transaction = new WarehouseTransaction(connection);
            connection.Execute(migration.Sql);
            connection.Execute(
                "INSERT INTO meta.schema_migrations VALUES ($version, $name, now()::TIMESTAMP)",
                new { version = migration.Version, name = migration.Name });
            transaction.Commit();
        }
        return pending;
    }

    public static int CurrentVersion(DuckDBConnection connection) =>
        connection.ExecuteScalar<int?>("SELECT max(version) FROM meta.schema_migrations") ?? 0;

    [GeneratedRegex(@"^migrations/(\d{4})_([a-z0-9_]+)\.sql$")]
    private static partial Regex MigrationName();
}
