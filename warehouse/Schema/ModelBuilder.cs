using DuckDB.NET.Data;
using Dapper;

namespace Analytics.Warehouse.Schema;

public sealed class ModelBuildException(string model, string problem) : Exception($"model {model} could not be built: {problem}");

/// <summary>Rebuilds every model, in dependency order, from the raw tables and seeds.</summary>
public static class ModelBuilder
{
    /// <remarks>The seeds must be loaded first (<see cref="SeedLoader"/>): the ETL loads them before the files, whose checks use them.</remarks>
    public static void BuildAll(DuckDBConnection connection)
    {
        // Scalar macros (warehouse/macros) come first, for models to use; table macros are bound when they are
        // created, so those that read models come after the models.
        var macros = EmbeddedSql.List("macros/").Select(EmbeddedSql.Read).ToList();
        foreach (var macro in macros.Where(sql => !ModelCatalog.ReadsAnyModel(sql)))
            connection.Execute(macro);
        foreach (var model in ModelCatalog.All)
            Build(connection, model);
        foreach (var macro in macros.Where(ModelCatalog.ReadsAnyModel))
            connection.Execute(macro);
    }

    private static void Build(DuckDBConnection connection, ModelDefinition model)
    {
        var kind = model.Materialized switch
        {
            "table" => "TABLE",
            "view" => "VIEW",
            _ => throw new InvalidOperationException($"{model.Model}: materialized must be table or view, not '{model.Materialized}'."),
        };
        var parts = model.Model.Split('.');
        var existing = connection.ExecuteScalar<string?>(
            "SELECT table_type FROM information_schema.tables WHERE table_schema = $schema AND table_name = $name",
            new { schema = parts[0], name = parts[1] });
        // Model names are compiled-in identifiers, never user input.
        var drop = existing switch
        {
            "VIEW" => $"DROP VIEW {model.Model};",
            null => "",
            _ => $"DROP TABLE {model.Model};",
        };
        var create = $"{drop}\nCREATE {kind} {model.Model} AS\n{model.Sql}";
        try
        {
            connection.Execute(create);
        }
        catch (DuckDBException problem)
        {
            throw new ModelBuildException(model.Model, problem.Message.Split('\n')[0]);
        }
    }
}
