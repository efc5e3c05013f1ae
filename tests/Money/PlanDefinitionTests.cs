using Analytics.Etl.Pipeline;
using Analytics.Tests.Support;

namespace Analytics.Tests.Money;

/// <summary>Plan definitions load whole or not at all, and every error points at its line, objective, measure and field.</summary>
public sealed class PlanDefinitionTests : IDisposable
{
    private readonly TemporaryWarehouse warehouse = new();
    private static readonly string SamplePlan = Path.Combine(RepositoryPaths.Sample, "plan", "kent-police-and-crime-plan-2025-29.yaml");

    public static TheoryData<string, string, string> Mistakes => new()
    {
        // text replaced in the sample plan, its replacement, words in the error
        { "        metric: rate_per_1000\n        crime_types: [Burglary]", "        metric: rate\n        crime_types: [Burglary]",
          "objective 'protecting-property', measure 'burglary-rate': field 'metric' 'rate' is not one of rate_per_1000, incidents, positive_outcome_rate" },
        { "crime_types: [Public order]", "crime_types: [Public disorder]",
          "objective 'protecting-places', measure 'public-order-rate': field 'crime_types' names 'Public disorder', which is not a published crime type" },
        { "        baseline: 2024/25 Q4\n        direction: maintain\n\n  - id: protecting-property", "        baseline: last year\n        direction: maintain\n\n  - id: protecting-property",
          "objective 'protecting-places', measure 'weapons': field 'baseline' 'last year' is not a financial year (2024/25) or quarter (2024/25 Q4)" },
        { "        target: 0.12", "        direction: increase\n        target: 0.12",
          "objective 'productive-partnerships', measure 'overall-positive-outcome-rate': field 'target' give either a direction" },
        { "        direction: reduce\n      - id: violence-positive-outcomes", "        direction: down\n      - id: violence-positive-outcomes",
          "objective 'protecting-people', measure 'violence-rate': field 'direction' 'down' is not one of reduce, increase, maintain" },
        { "      - id: robbery", "      - id: violence-rate", "objective 'protecting-people': measure id 'violence-rate' is used twice" },
        { "  force_area: E23000032", "  force_area: Kent", "plan: field 'force_area' 'Kent' is not a police force area code" },
        { "        target: 0.12", "        target: 12", "measure 'overall-positive-outcome-rate': field 'target' a positive outcome rate target is a proportion" },
        { "    title: Protecting Places", "    title: Protecting Places\n    owner: PCC", "objective 'protecting-places': unknown field 'owner'" },
        { "  version: \"2025.1\"", "  version: [2025]", "plan: field 'version' must be a single value" },
        { "objectives:", "goals:", "the file: unknown field 'goals' (expected plan, objectives)" },
        { "  - id: protecting-people\n", "  - id: Protecting People\n", "objective 1: field 'id' 'Protecting People' must be lower-case letters, digits and hyphens" },
        { "        crime_types: [Robbery]", "        crime_types: [Robbery\n", "not valid YAML: a bracket or quote is not closed" },
    };

    [Theory]
    [MemberData(nameof(Mistakes))]
    public void A_mistake_in_the_plan_fails_the_run_naming_the_line_objective_and_field(string find, string replace, string error)
    {
        var text = File.ReadAllText(SamplePlan).ReplaceLineEndings("\n");
        Assert.Contains(find, text);
        var mistaken = text.Replace(find, replace, StringComparison.Ordinal);
        var path = Path.Combine(warehouse.Inputs, "plan.yaml");
        File.WriteAllText(path, mistaken);
        var expectedLine = ExpectedLine(mistaken, replace);

        var run = warehouse.Run(path);

        Assert.Equal(ExitCode.SourceUnreadable, run.ExitCode);
        var message = Assert.Single(run.Errors);
        // Named as the warehouse keeps it: a file given alone by its name, never a path on the server.
        Assert.StartsWith("plan.yaml: line ", message);
        Assert.Contains(error, message);
        var line = int.Parse(message["plan.yaml: line ".Length..].Split(':')[0]);
        Assert.InRange(line, expectedLine - 6, expectedLine + 1); // at the field, or at the start of its measure
        Assert.Null(warehouse.Directory.ReadPublished());
    }

    [Fact]
    public void A_new_version_of_a_plan_replaces_the_old_one()
    {
        var first = Path.Combine(warehouse.Inputs, "v1", "plan.yaml");
        Directory.CreateDirectory(Path.GetDirectoryName(first)!);
        File.Copy(SamplePlan, first);
        warehouse.Run(first);
        var second = Path.Combine(warehouse.Inputs, "v2", "plan.yaml");
        Directory.CreateDirectory(Path.GetDirectoryName(second)!);
        File.WriteAllText(second, File.ReadAllText(SamplePlan).Replace("version: \"2025.1\"", "version: \"2025.2\"")
            .Replace("title: Protecting Places", "title: Safer Places"));

        var run = warehouse.Run(second);

        Assert.Equal(ExitCode.Success, run.ExitCode);
        Assert.Equal(["2025.2"], warehouse.Query<string>("SELECT DISTINCT plan_version FROM staging.stg_plan__objectives"));
        Assert.Equal(["Safer Places"], warehouse.Query<string>("SELECT objective_title FROM staging.stg_plan__objectives WHERE objective_id = 'protecting-places'"));
        Assert.Equal(12, warehouse.Scalar<long>("SELECT count(*) FROM staging.stg_plan__measures"));
        Assert.Equal(["superseded", "loaded"], warehouse.Query<string>("SELECT status FROM meta.source_files ORDER BY file_id"));
    }

    [Fact]
    public void A_YAML_file_that_is_not_a_plan_is_passed_over()
    {
        var path = PoliceCsv.Write(warehouse.Inputs, "settings.yaml", "colour: blue");
        var run = warehouse.Run(path);
        Assert.Equal(Analytics.Etl.Loading.FileOutcome.Skipped, Assert.Single(run.Files).Outcome);
    }

    private static int ExpectedLine(string text, string replacement)
    {
        var index = text.LastIndexOf(replacement, StringComparison.Ordinal);
        return text[..index].Count(c => c == '\n') + 1 + replacement.TrimStart('\n').Count(c => c == '\n');
    }

    public void Dispose() => warehouse.Dispose();
}
