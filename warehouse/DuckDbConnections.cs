using DuckDB.NET.Data;

namespace Analytics.Warehouse;

/// <summary>Opens DuckDB files the two ways the product needs: the ETL's working copy, and readers' snapshots.</summary>
public static class DuckDbConnections
{
    /// <summary>Read-write, for the ETL's private working copy only.</summary>
    public static DuckDBConnection OpenReadWrite(string databasePath)
    {
        var connection = new DuckDBConnection($"Data Source={databasePath}");
        connection.Open();
        return connection;
    }

    /// <summary>
    /// Read-only with external access disabled and the configuration locked, so no query can read or write
    /// files, attach other databases or switch those settings back.
    /// </summary>
    public static DuckDBConnection OpenReadOnly(string databasePath)
    {
        var connection = new DuckDBConnection($"Data Source={databasePath};ACCESS_MODE=READ_ONLY");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SET enable_external_access = false; SET lock_configuration = true;";
        command.ExecuteNonQuery();
        return connection;
    }
}
