using System.Globalization;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Analytics.Etl.Plans;

/// <summary>
/// Reads and validates a plan definition file. Every problem is reported with its line, the objective and
/// measure it belongs to, and the field at fault, so the person editing the file can go straight to it.
/// </summary>
public static partial class PlanParser
{
    /// <summary>True when the YAML document has a top-level "plan" mapping; other YAML files are not plans.</summary>
    public static bool LooksLikePlan(string path)
    {
        try
        {
            PlanFileLimits.Check(path);
            return Root(path) is { } root && root.Children.ContainsKey(new YamlScalarNode("plan"));
        }
        catch (Exception broken) when (broken is YamlException or InvalidOperationException or PlanDefinitionException)
        {
            return true; // Parse reports it, with its line
        }
    }

    /// <exception cref="PlanDefinitionException">naming the line, objective, measure and field at fault.</exception>
    public static PlanDefinition Parse(string path)
    {
        PlanFileLimits.Check(path);
        YamlMappingNode root;
        try { root = Root(path) ?? throw new PlanDefinitionException(1, "the file is empty"); }
        catch (YamlException problem) { throw new PlanDefinitionException(problem.Start.Line, $"not valid YAML: {problem.Message}"); }
        catch (InvalidOperationException) { throw new PlanDefinitionException(WhereScanningStops(path), "not valid YAML: a bracket or quote is not closed"); }

        new Fields(root, "the file").OnlyKnown("plan", "objectives");
        var planNode = Mapping(root, "plan", "");
        var plan = new Fields(planNode, "plan");
        plan.OnlyKnown("id", "title", "version", "force_area", "source_url");
        var objectivesNode = root.Children.TryGetValue(new YamlScalarNode("objectives"), out var node) && node is YamlSequenceNode sequence
            ? sequence : throw new PlanDefinitionException(root.Start.Line, "'objectives' must be a list of objectives");

        var objectives = objectivesNode.Children.Select((objective, index) => ParseObjective(objective, index)).ToList();
        if (objectives.Count == 0) throw new PlanDefinitionException(objectivesNode.Start.Line, "the plan has no objectives");
        Unique(objectives.Select(o => (o.Line, o.Id)), "objective id");
        var forceArea = plan.Required("force_area");
        if (!ForceAreaCode().IsMatch(forceArea))
            throw plan.Problem("force_area", $"'{forceArea}' is not a police force area code (E23 or W15 followed by six digits)");
        return new PlanDefinition(Slug(plan, "id"), plan.Required("title"), plan.Required("version"), forceArea, plan.Optional("source_url"), objectives);
    }

    private static PlanObjective ParseObjective(YamlNode node, int index)
    {
        if (node is not YamlMappingNode mapping) throw new PlanDefinitionException(node.Start.Line, $"objective {index + 1} must be a mapping of id, title and measures");
        var fields = new Fields(mapping, $"objective {index + 1}");
        var id = Slug(fields, "id");
        fields = new Fields(mapping, $"objective '{id}'");
        fields.OnlyKnown("id", "title", "description", "measures");
        var measuresNode = mapping.Children.TryGetValue(new YamlScalarNode("measures"), out var measuresValue) && measuresValue is YamlSequenceNode list && list.Children.Count > 0
            ? list : throw fields.Problem("measures", "must list at least one measure");
        var measures = measuresNode.Children.Select((measure, i) => ParseMeasure(measure, id, i)).ToList();
        Unique(measures.Select(m => (m.Line, m.Id)), $"objective '{id}': measure id");
        return new PlanObjective(mapping.Start.Line, id, fields.Required("title"), fields.Optional("description"), measures);
    }

    private static PlanMeasure ParseMeasure(YamlNode node, string objectiveId, int index)
    {
        if (node is not YamlMappingNode mapping) throw new PlanDefinitionException(node.Start.Line, $"objective '{objectiveId}': measure {index + 1} must be a mapping");
        var id = Slug(new Fields(mapping, $"objective '{objectiveId}', measure {index + 1}"), "id");
        var fields = new Fields(mapping, $"objective '{objectiveId}', measure '{id}'");
        fields.OnlyKnown("id", "title", "metric", "crime_types", "baseline", "direction", "target", "tolerance_percent");

        var metric = fields.Required("metric");
        if (!PlanMeasure.Metrics.Contains(metric))
            throw fields.Problem("metric", $"'{metric}' is not one of {string.Join(", ", PlanMeasure.Metrics)}");
        var crimeTypes = CrimeTypes(mapping, fields);
        var baseline = fields.Required("baseline");
        if (!Period().IsMatch(baseline))
            throw fields.Problem("baseline", $"'{baseline}' is not a financial year (2024/25) or quarter (2024/25 Q4)");
        var direction = fields.Optional("direction");
        var target = fields.Number("target");
        if (direction is null == target is null)
            throw fields.Problem(direction is null ? "direction" : "target", "give either a direction (reduce, increase, maintain) or a numeric target, not both or neither");
        if (direction is not null && !PlanMeasure.Directions.Contains(direction))
            throw fields.Problem("direction", $"'{direction}' is not one of {string.Join(", ", PlanMeasure.Directions)}");
        var tolerance = fields.Number("tolerance_percent");
        if (tolerance is < 0 or > 100) throw fields.Problem("tolerance_percent", "must be between 0 and 100");
        if (metric == "positive_outcome_rate" && target is < 0 or > 1) throw fields.Problem("target", "a positive outcome rate target is a proportion between 0 and 1");
        return new PlanMeasure(mapping.Start.Line, id, fields.Required("title"), metric, crimeTypes, baseline, direction, target,
            target is null ? null : tolerance ?? 5);
    }

    private static List<string> CrimeTypes(YamlMappingNode mapping, Fields fields)
    {
        if (!mapping.Children.TryGetValue(new YamlScalarNode("crime_types"), out var node)) throw fields.Problem("crime_types", "is missing");
        var types = node switch
        {
            YamlScalarNode scalar when scalar.Value == PlanMeasure.AllRecordedCrime => [PlanMeasure.AllRecordedCrime],
            YamlSequenceNode list when list.Children.All(child => child is YamlScalarNode { Value.Length: > 0 }) =>
                list.Children.Select(child => ((YamlScalarNode)child).Value!).ToList(),
            _ => throw fields.Problem("crime_types", $"must be a list of published crime types, or '{PlanMeasure.AllRecordedCrime}'"),
        };
        return types.Count > 0 ? types : throw fields.Problem("crime_types", "must name at least one crime type");
    }

    private static string Slug(Fields fields, string key)
    {
        var value = fields.Required(key);
        return SlugPattern().IsMatch(value) ? value : throw fields.Problem(key, $"'{value}' must be lower-case letters, digits and hyphens");
    }

    private static void Unique(IEnumerable<(long Line, string Id)> items, string what)
    {
        var seen = new HashSet<string>();
        foreach (var (line, id) in items)
            if (!seen.Add(id)) throw new PlanDefinitionException(line, $"{what} '{id}' is used twice");
    }

    private static YamlMappingNode Mapping(YamlMappingNode parent, string key, string context) =>
        parent.Children.TryGetValue(new YamlScalarNode(key), out var node) && node is YamlMappingNode mapping
            ? mapping : throw new PlanDefinitionException(parent.Start.Line, $"{context}'{key}' must be a mapping");

    /// <summary>YamlDotNet's scanner can stop with InvalidOperationException and no position; re-scan to find the line.</summary>
    private static long WhereScanningStops(string path)
    {
        using var reader = new StreamReader(path);
        var scanner = new Scanner(reader);
        try { while (scanner.MoveNext()) { } }
        catch (Exception stopped) when (stopped is YamlException or InvalidOperationException) { }
        return scanner.CurrentPosition.Line;
    }

    private static YamlMappingNode? Root(string path)
    {
        using var reader = new StreamReader(path);
        var stream = new YamlStream();
        stream.Load(reader);
        return stream.Documents.Count == 0 ? null : stream.Documents[0].RootNode as YamlMappingNode;
    }

    /// <summary>The scalar fields of one mapping, with errors that say where they are.</summary>
    private sealed class Fields(YamlMappingNode mapping, string context)
    {
        public string Required(string key) => Optional(key) ?? throw Problem(key, "is missing");

        public string? Optional(string key) =>
            mapping.Children.TryGetValue(new YamlScalarNode(key), out var node)
                ? node is YamlScalarNode { Value: { } value } && value.Trim().Length > 0 ? value.Trim() : throw Problem(key, "must be a single value")
                : null;

        public double? Number(string key) =>
            Optional(key) is not { } text ? null
            : double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value
            : throw Problem(key, $"'{text}' is not a number");

        public void OnlyKnown(params string[] keys)
        {
            foreach (var (key, _) in mapping.Children)
                if (key is YamlScalarNode { Value: { } name } && !keys.Contains(name))
                    throw new PlanDefinitionException(key.Start.Line, $"{context}: unknown field '{name}' (expected {string.Join(", ", keys)})");
        }

        public PlanDefinitionException Problem(string key, string problem)
        {
            var line = mapping.Children.FirstOrDefault(pair => pair.Key is YamlScalarNode { Value: var name } && name == key).Key?.Start.Line ?? mapping.Start.Line;
            return new PlanDefinitionException(line, $"{context}: field '{key}' {problem}");
        }
    }

    [GeneratedRegex(@"^[a-z0-9]+(-[a-z0-9]+)*$")] private static partial Regex SlugPattern();
    [GeneratedRegex(@"^\d{4}/\d{2}( Q[1-4])?$")] private static partial Regex Period();
    [GeneratedRegex(@"^(E23|W15)\d{6}$")] private static partial Regex ForceAreaCode();
}

public sealed class PlanDefinitionException(long line, string problem) : Exception($"line {line}: {problem}")
{
    public long Line { get; } = line;
}
