using System.Data.Common;
using Analytics.Warehouse.Schema;
using DuckDB.NET.Data;

namespace Analytics.Warehouse.Testing;

/// <summary>Runs data tests against a warehouse and reports the failing rows of each.</summary>
public static class DataTestRunner
{
    /// <param name="scoped">After an incremental build (in the same connection, whose scope is still set): tests of
    /// the models it maintains check only the rows it made, and say so in their names; then the scope ends, its macros
    /// taking every row again as a published snapshot's must.</param>
    /// <param name="onTestRun">Told after each test, with how long it took.</param>
    public static IReadOnlyList<DataTestResult> RunAll(DuckDBConnection connection, bool scoped = false, Action<StepProgress>? onTestRun = null)
    {
        using var scopedRows = new ScopedRows(connection);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var results = DataTestCatalog.All.Select((test, index) =>
        {
            var started = clock.Elapsed.TotalSeconds;
            if (scoped && test.ScopedSql is { } sql)
            {
                scopedRows.Hold(test.Model);
                test = test with { Name = test.Name + " on the rows this run built", Sql = sql };
            }
            var result = Run(connection, test);
            onTestRun?.Invoke(new StepProgress(StepKind.DataTest, $"{test.Name} on {test.Model}", index + 1, DataTestCatalog.All.Count,
                clock.Elapsed.TotalSeconds - started));
            return result;
        }).ToList();
        if (scoped) BuildScope.End(connection);
        return results;
    }

    /// <summary>One test, over every row unless an incremental build in this connection set a scope.</summary>
    public static DataTestResult Run(DuckDBConnection connection, DataTest test)
    {
        using var command = connection.CreateCommand();
        // Count the failing rows and keep the first as an example that a person can act on.
        // The test's SQL is compiled in (warehouse/models/*.yml and warehouse/tests), never input.
        var counted = $"SELECT count(*) OVER () AS failing_rows, failures.* FROM ({test.Sql.TrimEnd().TrimEnd(';')}) AS failures LIMIT 1";
        command.CommandText = counted;
        using var reader = command.ExecuteReader();
        if (!reader.Read()) return new DataTestResult(test, 0, null);
        return new DataTestResult(test, reader.GetInt64(0), Describe(reader));
    }

    private static string Describe(DbDataReader reader) =>
        string.Join(", ", Enumerable.Range(1, reader.FieldCount - 1)
            .Select(i => $"{reader.GetName(i)}={(reader.IsDBNull(i) ? "NULL" : Shown(reader.GetValue(i)))}"));

    private static string? Shown(object value) => value is System.Collections.IEnumerable list and not string
        ? "[" + string.Join(", ", list.Cast<object>()) + "]"
        : value.ToString();
}
