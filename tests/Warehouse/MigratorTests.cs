using Analytics.Tests.Support;
using Analytics.Warehouse;
using Analytics.Warehouse.Schema;
using Dapper;

namespace Analytics.Tests.Warehouse;

public sealed class MigratorTests : IDisposable
{
    private readonly TemporaryWarehouse folder = new();

    [Fact]
    public void A_new_warehouse_gets_every_migration_in_order()
    {
        using var connection = DuckDbConnections.OpenReadWrite(Path.Combine(folder.Root, "new.duckdb"));

        var applied = Migrator.Migrate(connection);

        Assert.Equal(Migrator.All.Select(m => m.Version), applied.Select(m => m.Version));
        Assert.Equal(Migrator.All.Select(m => m.Version).Order(), applied.Select(m => m.Version));
        Assert.Equal(Migrator.LatestVersion, Migrator.CurrentVersion(connection));
        Assert.Empty(Migrator.Migrate(connection));
    }

    [Fact]
    public void An_existing_warehouse_at_an_older_version_is_migrated_not_rebuilt()
    {
        var path = Path.Combine(folder.Root, "old.duckdb");
        using (var connection = DuckDbConnections.OpenReadWrite(path))
        {
            // A warehouse made by an earlier release: the first migrations applied, with data in it.
            connection.Execute("CREATE SCHEMA meta; CREATE TABLE meta.schema_migrations (version INTEGER PRIMARY KEY, name VARCHAR NOT NULL, applied_at TIMESTAMP NOT NULL);");
            foreach (var migration in Migrator.All.Take(5))
            {
                connection.Execute(migration.Sql);
                connection.Execute("INSERT INTO meta.schema_migrations VALUES ($v, $n, now()::TIMESTAMP)", new { v = migration.Version, n = migration.Name });
            }
            connection.Execute("INSERT INTO raw.police_street (file_id, line_number, crime_id, month) VALUES (1, 2, 'kept', '2025-01')");
        }

        using (var connection = DuckDbConnections.OpenReadWrite(path))
        {
            var applied = Migrator.Migrate(connection);

            Assert.Equal(Migrator.All.Skip(5).Select(m => m.Version), applied.Select(m => m.Version));
            Assert.Equal("kept", connection.ExecuteScalar<string>("SELECT crime_id FROM raw.police_street"));
            Assert.Equal(0, connection.ExecuteScalar<long>("SELECT count(*) FROM raw.ons_population"));
        }
    }

    [Fact]
    public void Migration_files_are_numbered_without_gaps_or_repeats()
    {
        var versions = Migrator.All.Select(m => m.Version).ToList();
        Assert.Equal(Enumerable.Range(1, versions.Count), versions);
    }

    public void Dispose() => folder.Dispose();
}
