using System.Text.RegularExpressions;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Analytics.Warehouse.Schema;

/// <summary>The embedded models, in an order where every model comes after the models it reads.</summary>
public static partial class ModelCatalog
{
    private static readonly Lazy<List<ModelDefinition>> Ordered = new(Load);

    public static IReadOnlyList<ModelDefinition> All => Ordered.Value;

    public static ModelDefinition Get(string qualifiedName) =>
        All.FirstOrDefault(model => model.Model == qualifiedName)
        ?? throw new KeyNotFoundException($"No model named {qualifiedName}.");

    private static List<ModelDefinition> Load()
    {
        var deserializer = new DeserializerBuilder()
            .WithNamingConvention(UnderscoredNamingConvention.Instance)
            .Build();
        var models = new List<ModelDefinition>();
        foreach (var yamlResource in EmbeddedSql.List("models/").Where(name => name.EndsWith(".yml", StringComparison.Ordinal)))
        {
            var model = deserializer.Deserialize<ModelDefinition>(EmbeddedSql.Read(yamlResource));
            var sqlResource = yamlResource[..^".yml".Length] + ".sql";
            if (!EmbeddedSql.Exists(sqlResource))
                throw new InvalidOperationException($"{yamlResource} has no {sqlResource} beside it.");
            var fileName = Path.GetFileNameWithoutExtension(yamlResource);
            if (!model.Model.EndsWith("." + fileName, StringComparison.Ordinal))
                throw new InvalidOperationException($"{yamlResource} declares model '{model.Model}'; the file must be named after its table.");
            model.Sql = EmbeddedSql.Read(sqlResource);
            models.Add(model);
        }
        foreach (var model in models)
        {
            // A model named in a comment ("the others are in marts.x") is not read.
            var code = LineComment().Replace(model.Sql, "");
            model.DependsOn = models
                .Where(other => other != model && ReferencesModel(code, other.Model))
                .Select(other => other.Model)
                .ToList();
            model.Sources = SourceTable().Matches(code).Select(match => match.Value.ToLowerInvariant()).Distinct().Order(StringComparer.Ordinal).ToList();
        }
        return TopologicalOrder(models);
    }

    /// <summary>True when SQL text reads any model (so it must run after the models are built).</summary>
    public static bool ReadsAnyModel(string sql) => All.Any(model => ReferencesModel(sql, model.Model));

    private static bool ReferencesModel(string sql, string qualifiedName) =>
        Regex.IsMatch(sql, $@"(?<![\w.]){Regex.Escape(qualifiedName)}(?![\w])", RegexOptions.IgnoreCase);

    [GeneratedRegex(@"--[^\n]*")]
    private static partial Regex LineComment();

    [GeneratedRegex(@"(?<![\w.])(raw|seeds|meta)\.[a-z_][a-z0-9_]*\b", RegexOptions.IgnoreCase)]
    private static partial Regex SourceTable();

    private static List<ModelDefinition> TopologicalOrder(List<ModelDefinition> models)
    {
        var byName = models.ToDictionary(model => model.Model);
        var ordered = new List<ModelDefinition>();
        var state = new Dictionary<string, bool>(); // false: visiting, true: done
        void Visit(ModelDefinition model)
        {
            if (state.TryGetValue(model.Model, out var done))
            {
                if (!done) throw new InvalidOperationException($"Models depend on each other in a cycle through {model.Model}.");
                return;
            }
            state[model.Model] = false;
            foreach (var dependency in model.DependsOn) Visit(byName[dependency]);
            state[model.Model] = true;
            ordered.Add(model);
        }
        foreach (var model in models.OrderBy(model => model.Model, StringComparer.Ordinal)) Visit(model);
        return ordered;
    }
}
