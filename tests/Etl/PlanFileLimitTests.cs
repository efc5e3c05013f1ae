using System.Text;
using Analytics.Etl.Inbox;
using Analytics.Etl.Plans;
using Analytics.Tests.Support;

namespace Analytics.Tests.Etl;

/// <summary>
/// A plan file cannot crash or stall a run: one nested too deep, one using aliases, or one too big is refused before
/// it is parsed (exit 1, naming the file and line), and from the inbox it goes to rejected/ while the rest load.
/// Run in a process of its own, as a stack overflow cannot be caught and would take the test host with it.
/// </summary>
public sealed class PlanFileLimitTests : IDisposable
{
    private static readonly TimeSpan Bounded = TimeSpan.FromSeconds(60);
    private readonly TemporaryWarehouse warehouse = new();

    private static string NestedPlan(int levels) => "plan:\n  id: " + new string('[', levels) + "\n";

    /// <summary>Each level a mapping whose ten keys hold the level below: a 1.5 KB file that YamlDotNet takes minutes over.</summary>
    private static string AliasKeysPlan(int levels)
    {
        var text = new StringBuilder("plan:\n  id: x\na0: &a0 {k: v}\n");
        for (var level = 1; level <= levels; level++)
            text.Append($"a{level}: &a{level} {{").AppendJoin(", ", Enumerable.Range(0, 10).Select(key => $"? [*a{level - 1}, {key}] : {key}")).Append("}\n");
        return text.ToString();
    }

    private static (int ExitCode, string Output) Etl(params string[] arguments)
    {
        using var etl = new EtlProcess(arguments);
        var exitCode = etl.WaitForExit(Bounded);
        return (exitCode, etl.Output);
    }

    public static TheoryData<string, string> HostilePlans => new()
    {
        // what the file holds, the problem named after "<file>: line N: "
        { "nested 100,000 levels deep", $"line 2: the file is nested more than {PlanFileLimits.MaxDepth} levels deep" },
        { "aliases as keys, 10 levels", "line 4: the alias *a0 is not allowed in a plan file" },
        { "over the size limit", "line 1: the file is " },
    };

    private static string Plan(string kind) => kind switch
    {
        "nested 100,000 levels deep" => NestedPlan(100_000),
        "aliases as keys, 10 levels" => AliasKeysPlan(10),
        _ => "plan:\n  id: big\n  title: " + new string('x', (int)PlanFileLimits.MaxBytes) + "\n",
    };

    [Theory]
    [MemberData(nameof(HostilePlans))]
    public void A_hostile_plan_is_refused_before_it_is_parsed_naming_the_file_and_line(string kind, string problem)
    {
        var plan = Path.Combine(warehouse.Inputs, "plan.yaml");
        File.WriteAllText(plan, Plan(kind));

        var (exitCode, output) = Etl("run", "--source", plan, "--warehouse", warehouse.Root, "--plain");

        Assert.True(exitCode == 1, output);
        Assert.Contains($"plan.yaml: {problem}", output);
        if (kind == "over the size limit") Assert.Contains($"bytes; a plan file may be at most {PlanFileLimits.MaxBytes:N0} bytes", output);
        Assert.DoesNotContain("   at ", output);
        Assert.Null(warehouse.Directory.ReadPublished());
    }

    [Fact]
    public void The_bundled_plan_is_within_the_limits()
    {
        PlanFileLimits.Check(Path.Combine(RepositoryPaths.Sample, "plan", "kent-police-and-crime-plan-2025-29.yaml"));
        PlanFileLimits.Check(Path.Combine(RepositoryPaths.Root, "templates", "plan-template.yaml"));
    }

    [Fact]
    public void From_the_inbox_a_hostile_plan_goes_to_rejected_and_the_other_files_load()
    {
        var inbox = Path.Combine(warehouse.Inputs, "inbox");
        Directory.CreateDirectory(inbox);
        File.WriteAllText(Path.Combine(inbox, "deep-plan.yaml"), NestedPlan(100_000));
        File.Copy(Path.Combine(RepositoryPaths.Geography, "ons_PFA19_names_codes_UK_dec2019.csv"), Path.Combine(inbox, "pfa-names.csv"));
        var settings = Path.Combine(warehouse.Inputs, "settle-at-once.json");
        File.WriteAllText(settings, """{ "Etl": { "SettleSeconds": 0 } }""");

        var (exitCode, output) = Etl("run", "--inbox", inbox, "--settings", settings, "--warehouse", warehouse.Root, "--plain");

        Assert.True(exitCode == 1, output);
        var rejected = Assert.Single(Directory.GetFiles(Path.Combine(inbox, InboxFolder.RejectedFolder), "deep-plan.yaml", SearchOption.AllDirectories));
        Assert.Contains("nested more than", File.ReadAllText(rejected + ".txt"));
        Assert.Single(Directory.GetFiles(Path.Combine(inbox, InboxFolder.ProcessedFolder), "pfa-names.csv", SearchOption.AllDirectories));
        Assert.Equal(47, warehouse.Scalar<long>("SELECT count(*) FROM raw.ons_area_names"));
    }

    public void Dispose() => warehouse.Dispose();
}
