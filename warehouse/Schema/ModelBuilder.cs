using DuckDB.NET.Data;
using Dapper;

namespace Analytics.Warehouse.Schema;

public sealed class ModelBuildException(string model, string problem) : Exception($"model {model} could not be built: {problem}");

/// <summary>Rebuilds every model, in dependency order, from the raw tables and seeds.</summary>
public static partial class ModelBuilder
{
    /// <remarks>The seeds must be loaded first (<see cref="SeedLoader"/>): the ETL loads them before the files, whose checks use them.</remarks>
    public static void BuildAll(DuckDBConnection connection)
    {
        // Scalar macros (warehouse/macros) come first, for models to use; table macros are bound when they are
        // created, so those that read models come after the models.
        var macros = EmbeddedSql.List("macros/").Select(EmbeddedSql.Read).ToList();
        DropAll(connection, macros.Where(ModelCatalog.ReadsAnyModel));
        foreach (var macro in macros.Where(sql => !ModelCatalog.ReadsAnyModel(sql)))
            connection.Execute(macro);
        foreach (var model in ModelCatalog.All)
            Build(connection, model);
        foreach (var macro in macros.Where(ModelCatalog.ReadsAnyModel))
            connection.Execute(macro);
    }

    /// <summary>
    /// Drops every model (and the table macros that read them) and checkpoints, before any is built again: the
    /// blocks the old tables held are then free for the new ones, so a snapshot holds its models once instead of
    /// growing by a copy of them each run (DuckDB frees a dropped table's blocks at a checkpoint and reuses them,
    /// but never shortens the file).
    /// </summary>
    private static void DropAll(DuckDBConnection connection, IEnumerable<string> macrosReadingModels)
    {
        foreach (var macro in macrosReadingModels)
            if (MacroName().Match(macro) is { Success: true } name)
                connection.Execute($"DROP MACRO TABLE IF EXISTS {name.Groups[1].Value};");
        var existing = connection.Query<(string Name, string Type)>(
            "SELECT table_schema || '.' || table_name, table_type FROM information_schema.tables WHERE table_catalog = current_database()").ToDictionary(table => table.Name, table => table.Type);
        // Model names are compiled-in identifiers, never user input.
        foreach (var model in ModelCatalog.All.Reverse())
            if (existing.TryGetValue(model.Model, out var type))
                connection.Execute($"DROP {(type == "VIEW" ? "VIEW" : "TABLE")} {model.Model};");
        connection.Execute("CHECKPOINT;");
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"CREATE\s+OR\s+REPLACE\s+MACRO\s+([\w.]+)", System.Text.RegularExpressions.RegexOptions.IgnoreCase)]
    private static partial System.Text.RegularExpressions.Regex MacroName();

    private static void Build(DuckDBConnection connection, ModelDefinition model)
    {
        var kind = model.Materialized switch
        {
            "table" => "TABLE",
            "view" => "VIEW",
            _ => throw new InvalidOperationException($"{model.Model}: materialized must be table or view, not '{model.Materialized}'."),
        };
        // Model names are compiled-in identifiers, never user input; DropAll has dropped the model's last build.
        var create = $"CREATE {kind} {model.Model} AS\n{model.Sql}";
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
