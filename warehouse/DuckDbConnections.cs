using Dapper;
using DuckDB.NET.Data;

namespace Analytics.Warehouse;

/// <summary>Opens DuckDB files the two ways the product needs: the ETL's working copy, and readers' snapshots.</summary>
public static class DuckDbConnections
{
    private static readonly Lock Configuring = new();

    /// <summary>Read-write, for the ETL's private working copy only.</summary>
    /// <param name="memoryLimitMiB">DuckDB's memory limit: beyond it, sorts, joins and aggregates spill to
    /// <paramref name="spillDirectory"/> instead of growing (DuckDB's default is 80% of the machine).</param>
    public static DuckDBConnection OpenReadWrite(string databasePath, int? memoryLimitMiB = null, string? spillDirectory = null)
    {
        var connection = new DuckDBConnection($"Data Source={databasePath}");
        connection.Open();
        // SET takes no parameters; the limit is a number and the folder the run's own, never input.
        if (memoryLimitMiB is { } limit) connection.Execute($"SET memory_limit = '{limit}MiB'");
        if (spillDirectory is not null) connection.Execute($"SET temp_directory = '{spillDirectory.Replace("'", "''", StringComparison.Ordinal)}'");
        return connection;
    }

    /// <summary>
    /// Read-only with external access disabled and the configuration locked, so no query can read or write
    /// files, attach other databases or switch those settings back. DuckDB.NET shares one database instance
    /// between the connections a process has open to a file, and those settings belong to the instance: the
    /// first connection sets them, later ones find them set (and locked) and check them.
    /// </summary>
    public static DuckDBConnection OpenReadOnly(string databasePath)
    {
        var connection = new DuckDBConnection($"Data Source={databasePath};ACCESS_MODE=READ_ONLY");
        connection.Open();
        lock (Configuring)
        {
            if (!connection.ExecuteScalar<bool>("SELECT current_setting('lock_configuration')"))
                connection.Execute("SET enable_external_access = false; SET lock_configuration = true;");
            else if (connection.ExecuteScalar<bool>("SELECT current_setting('enable_external_access')"))
            {
                connection.Dispose();
                throw new InvalidOperationException($"{databasePath} is already open in this process with external access enabled.");
            }
        }
        return connection;
    }
}
