using Analytics.Warehouse.Testing;
using Dapper;
using DuckDB.NET.Data;

namespace Analytics.Warehouse.Schema;

/// <summary>
/// Writes into a snapshot, as it is published, the model catalog that built it and the data tests it passed, so
/// that the lineage of any figure is read from the snapshot shown (meta.models, meta.model_reads,
/// meta.model_columns, meta.data_test_results). Each publish replaces what the previous one wrote.
/// </summary>
public static class LineageRecorder
{
    public static void Record(DuckDBConnection connection, string runId, IReadOnlyList<DataTestResult> tests)
    {
        using var transaction = new WarehouseTransaction(connection);
        connection.Execute("DELETE FROM meta.models; DELETE FROM meta.model_reads; DELETE FROM meta.model_columns; DELETE FROM meta.data_test_results;");
        using (var models = connection.CreateAppender("meta", "models"))
            foreach (var model in ModelCatalog.All)
                models.CreateRow().AppendValue(model.Model).AppendValue(model.Materialized).AppendValue(model.Description.Trim()).AppendValue(model.Grain.Trim()).EndRow();
        using (var reads = connection.CreateAppender("meta", "model_reads"))
            foreach (var model in ModelCatalog.All)
            {
                foreach (var read in model.DependsOn)
                    reads.CreateRow().AppendValue(model.Model).AppendValue(read).AppendValue("model").EndRow();
                foreach (var read in model.Sources)
                    reads.CreateRow().AppendValue(model.Model).AppendValue(read).AppendValue(read[..read.IndexOf('.')]).EndRow();
            }
        using (var columns = connection.CreateAppender("meta", "model_columns"))
            foreach (var model in ModelCatalog.All)
                foreach (var column in model.Columns)
                    columns.CreateRow().AppendValue(model.Model).AppendValue(column.Name).AppendValue(column.Description.Trim()).EndRow();
        using (var results = connection.CreateAppender("meta", "data_test_results"))
            foreach (var test in tests)
                results.CreateRow().AppendValue(runId).AppendValue(test.Test.Name).AppendValue(test.Test.Model).AppendValue(test.Test.Severity)
                    .AppendValue(test.FailingRows).AppendValue(test.Example).EndRow();
        transaction.Commit();
    }
}
