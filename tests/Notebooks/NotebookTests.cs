using System.Globalization;
using System.Text.RegularExpressions;
using Analytics.Tests.Support;

namespace Analytics.Tests.Notebooks;

/// <summary>
/// Every notebook run as analysts run it (<c>dotnet run notebooks/NAME.cs</c>) against the sample warehouse: it builds,
/// exits 0, writes its report and CSV files, and its key figures equal the marts read here independently, so a
/// notebook cannot drift from the dashboard. Bad arguments give the valid choices, a non-zero exit and no stack trace.
/// </summary>
[Collection(SampleWarehouseCollection.Name)]
public sealed class NotebookTests(SampleWarehouseFixture sample)
{
    private TemporaryWarehouse Warehouse => sample.Warehouse;
    private IReadOnlyDictionary<string, NotebookRun> Runs => NotebookRuns.All(Warehouse.Root);

    public static TheoryData<string> Names => new(NotebookRuns.Notebooks.Keys);

    [Fact]
    public void Every_notebook_in_the_folder_is_run_by_these_tests()
    {
        var files = Directory.GetFiles(Path.Combine(RepositoryPaths.Root, "notebooks"), "*.cs").Select(Path.GetFileNameWithoutExtension).Order();
        Assert.Equal(NotebookRuns.Notebooks.Keys.Order(), files);
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void A_notebook_builds_runs_and_writes_a_self_contained_report_with_its_figures(string name)
    {
        var run = Runs[name];

        Assert.True(run.ExitCode == 0, run.Explain);
        Assert.True(File.Exists(run.Report), run.Explain);
        var html = File.ReadAllText(run.Report);
        Assert.Contains(Warehouse.Published.RunId, html, StringComparison.Ordinal);
        Assert.Contains("Plotly.newPlot", html, StringComparison.Ordinal);
        // plotly.js is inline: no script, style sheet or image is fetched by address (plotly.js's own text names
        // hosts for features the reports do not use; the report's Content-Security-Policy and the browser test stop those).
        Assert.DoesNotMatch(new Regex("<(script|link|img|iframe)[^>]*\\s(src|href)\\s*=", RegexOptions.IgnoreCase), html);
        Assert.Contains("Content-Security-Policy\" content=\"default-src 'none'", html, StringComparison.Ordinal);
        var csvs = Directory.GetFiles(run.OutputDirectory, "*.csv");
        Assert.NotEmpty(csvs);
        // Every CSV the report links to was written, and the output folder is printed for the analyst.
        Assert.All(csvs, csv => Assert.Contains($"href=\"{Path.GetFileName(csv)}\"", html, StringComparison.Ordinal));
        Assert.Contains(run.OutputDirectory, run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void The_district_profile_shows_the_marts_figures_for_the_district_and_its_force_area()
    {
        var run = Runs["district-profile"];
        Assert.True(run.ExitCode == 0, run.Explain);

        var expected = Warehouse.Query<ProfileRow>("""
            SELECT area_type AS AreaType, CAST(recorded_crimes AS BIGINT) AS RecordedCrimes, CAST(recorded_crimes_per_1000 AS DOUBLE) AS RecordedCrimesPer1000,
                   CAST(positive_outcome_rate AS DOUBLE) AS PositiveOutcomeRate, CAST(anti_social_behaviour AS BIGINT) AS AntiSocialBehaviour, CAST(spent AS DOUBLE) AS Spent
            FROM marts.area_profile_by_year WHERE financial_year = '2025/26'
              AND ((area_type = 'district' AND area_code = 'E07000105') OR (area_type = 'force_area' AND area_code = 'E23000032'))
            """).ToDictionary(row => row.AreaType);
        var headline = run.Csv("headline.csv");
        Assert.Equal(2, headline.Count);
        foreach (var row in headline)
        {
            var mart = expected[row["area_type"]];
            Assert.Equal(mart.RecordedCrimes, long.Parse(row["recorded_crimes"], CultureInfo.InvariantCulture));
            Assert.Equal(mart.RecordedCrimesPer1000, Number(row["recorded_crimes_per_1000"]), 6);
            Assert.Equal(mart.PositiveOutcomeRate, Number(row["positive_outcome_rate"]), 6);
            Assert.Equal(mart.AntiSocialBehaviour, long.Parse(row["anti_social_behaviour"], CultureInfo.InvariantCulture));
            Assert.Equal(mart.Spent, Number(row["spent"]), 2);
        }

        // The months add up to the district's recorded crime in every month the mart holds.
        var monthly = run.Csv("monthly.csv").Sum(row => long.Parse(row["recorded_crimes"], CultureInfo.InvariantCulture));
        Assert.Equal(Warehouse.Scalar<long>("SELECT CAST(sum(incidents) AS BIGINT) FROM marts.crime_by_area_month WHERE area_type = 'district' AND area_code = 'E07000105' AND is_recorded_crime"), monthly);

        // Peers: the mart's ten nearest neighbours, in its order.
        var peers = run.Csv("peers.csv").Select(row => row["peer_code"]);
        Assert.Equal(Warehouse.Query<string>("SELECT peer_code FROM marts.peer_groups WHERE area_type = 'district' AND area_code = 'E07000105' ORDER BY peer_rank"), peers);
    }

    [Fact]
    public void The_allocation_scenarios_show_the_marts_formulas_and_the_engine_agrees_with_them()
    {
        var run = Runs["allocation-scenarios"];
        Assert.True(run.ExitCode == 0, run.Explain);

        var mart = Warehouse.Query<AllocationRow>("""
            SELECT formula_id AS FormulaId, district_code AS DistrictCode, CAST(formula_amount AS DOUBLE) AS FormulaAmount,
                   CAST(actual_amount AS DOUBLE) AS ActualAmount, CAST(difference AS DOUBLE) AS Difference
            FROM marts.allocation_model WHERE grant_name = 'Crime Reduction Grant' AND financial_year = '2025/26'
            """).ToDictionary(row => (row.FormulaId, row.DistrictCode));
        var formulas = run.Csv("formulas.csv");
        Assert.Equal(mart.Count, formulas.Count);
        foreach (var row in formulas)
        {
            var expected = mart[(row["formula_id"], row["district_code"])];
            Assert.Equal(expected.FormulaAmount, Number(row["formula_amount"]), 2);
            Assert.Equal(expected.ActualAmount, Number(row["actual_amount"]), 2);
            Assert.Equal(expected.Difference, Number(row["difference"]), 2);
        }

        // The grid's crime-rate-only mix is the Home Office formula: the engine and the mart give the same pence.
        var homeOffice = run.Csv("weight-grid.csv").Where(row => row["crime_rate_weight"] == "1").ToList();
        Assert.NotEmpty(homeOffice);
        Assert.All(homeOffice, row => Assert.Equal(mart[("home-office-csf", row["district_code"])].FormulaAmount, Number(row["formula_amount"]), 2));

        // Each district's range of shares over the grid holds every formula of the mart that the grid contains.
        var grid = run.Csv("weight-grid.csv");
        Assert.Equal(35 * mart.Values.Select(row => row.DistrictCode).Distinct().Count(), grid.Count);
    }

    [Fact]
    public void The_measure_seasonality_counts_the_marts_months_and_shows_the_plans_values()
    {
        var run = Runs["measure-seasonality"];
        Assert.True(run.ExitCode == 0, run.Explain);

        var expected = Warehouse.Query<MonthCount>("""
            SELECT strftime(month, '%Y-%m-%d') AS Month, CAST(sum(incidents) AS BIGINT) AS Incidents FROM marts.crime_by_area_month
            WHERE area_type = 'force_area' AND area_code = 'E23000032' AND crime_type = 'Shoplifting' GROUP BY month ORDER BY month
            """);
        var months = run.Csv("months.csv");
        Assert.Equal(expected.Select(m => (m.Month, m.Incidents)), months.Select(row => (row["month"], long.Parse(row["incidents"], CultureInfo.InvariantCulture))));
        // Kent's January to April 2025 meet January to April 2024.
        var paired = run.Csv("year-on-year.csv");
        Assert.Equal(["2025-01-01", "2025-02-01", "2025-03-01", "2025-04-01"], paired.Select(row => row["month"]));
        var january2024 = expected.Single(m => m.Month == "2024-01-01").Incidents;
        Assert.Equal(january2024, Number(paired[0]["value_a_year_earlier"]), 6);

        var plan = Warehouse.Query<PlanValue>("""
            SELECT period AS Period, CAST(value AS DOUBLE) AS Value FROM marts.objective_performance
            WHERE measure_id = 'shoplifting' AND area_type = 'force area' ORDER BY period
            """);
        Assert.Equal(plan.Select(p => p.Period), run.Csv("plan-values.csv").Select(row => row["period"]));
        Assert.Equal(plan.Select(p => p.Value), run.Csv("plan-values.csv").Select(row => Number(row["value"])));
    }

    [Fact]
    public void The_peer_comparison_shows_the_marts_rates_and_each_districts_peers_average()
    {
        var run = Runs["peer-comparison"];
        Assert.True(run.ExitCode == 0, run.Explain);

        var forces = Warehouse.Query<AreaRate>("""
            SELECT area_code AS AreaCode, CAST(recorded_crimes_per_1000 AS DOUBLE) AS Per1000 FROM marts.area_profile_by_year
            WHERE area_type = 'force_area' AND financial_year = '2025/26' AND recorded_crimes IS NOT NULL
            """).ToDictionary(row => row.AreaCode, row => row.Per1000);
        var shown = run.Csv("force-areas.csv");
        Assert.Equal(forces.Keys.Order(), shown.Select(row => row["area_code"]).Order());
        Assert.All(shown, row => Assert.Equal(forces[row["area_code"]], Number(row["recorded_crimes_per_1000"]), 6));

        var peersAverage = Warehouse.Query<AreaRate>("""
            SELECT p.area_code AS AreaCode, CAST(avg(a.recorded_crimes_per_1000) AS DOUBLE) AS Per1000
            FROM marts.peer_groups AS p JOIN marts.area_profile_by_year AS a
              ON a.area_type = 'district' AND a.area_code = p.peer_code AND a.financial_year = '2025/26'
            WHERE p.area_type = 'district' AND p.has_crime_data AND a.recorded_crimes IS NOT NULL
            GROUP BY p.area_code
            """).ToDictionary(row => row.AreaCode, row => row.Per1000);
        var districts = run.Csv("districts-against-peers.csv");
        Assert.Equal(Warehouse.Scalar<long>("SELECT count(*) FROM marts.area_profile_by_year WHERE area_type = 'district' AND force_area_code = 'E23000032' AND financial_year = '2025/26' AND recorded_crimes IS NOT NULL"), districts.Count);
        Assert.All(districts.Where(row => row["peers_average_per_1000"] != ""),
            row => Assert.Equal(peersAverage[row["area_code"]], Number(row["peers_average_per_1000"]), 6));
    }

    [Fact]
    public void The_load_quality_counts_what_the_run_loaded_and_rejected_as_meta_records_it()
    {
        var run = Runs["load-quality"];
        Assert.True(run.ExitCode == 0, run.Explain);

        var kinds = Warehouse.Query<KindRows>("""
            SELECT source_kind AS Kind, CAST(sum(rows_loaded) AS BIGINT) AS Loaded, CAST(sum(rows_rejected) AS BIGINT) AS Rejected FROM meta.source_files
            WHERE run_id = $run GROUP BY source_kind
            """, new { run = Warehouse.Published.RunId }).ToDictionary(row => row.Kind);
        var shown = run.Csv("by-source.csv");
        Assert.Equal(kinds.Keys.Order(), shown.Select(row => row["source_kind"]).Order());
        Assert.All(shown, row =>
        {
            Assert.Equal(kinds[row["source_kind"]].Loaded, long.Parse(row["rows_loaded"], CultureInfo.InvariantCulture));
            Assert.Equal(kinds[row["source_kind"]].Rejected, long.Parse(row["rows_rejected"], CultureInfo.InvariantCulture));
        });
        Assert.Equal(Warehouse.Scalar<long>("SELECT count(*) FROM meta.rejects WHERE run_id = $run", new { run = Warehouse.Published.RunId }), run.Csv("rejects.csv").Count);
        Assert.Equal(Warehouse.Scalar<long>("""
            SELECT count(*) FROM marts.crime_records_set_aside AS aside JOIN meta.source_files AS files ON files.file_id = aside.source_file_id
            WHERE files.run_id = $run
            """, new { run = Warehouse.Published.RunId }), run.Csv("set-aside.csv").Count);
        // The journal's one run is the run that published the snapshot, with the rows meta.load_runs records.
        var journal = Assert.Single(run.Csv("runs.csv"));
        Assert.Equal(Warehouse.Published.RunId, journal["run_id"]);
        Assert.Equal(Warehouse.Scalar<long>("SELECT rows_loaded FROM meta.load_runs WHERE run_id = $run", new { run = Warehouse.Published.RunId }),
            long.Parse(journal["rows_loaded"], CultureInfo.InvariantCulture));
    }

    public static TheoryData<string, string[], string> BadArguments => new()
    {
        { "district-profile", ["--district", "E99999999"], "E07000105  Ashford" },
        { "district-profile", ["--district", "E07000105", "--year", "1999/00"], "2025/26" },
        { "allocation-scenarios", ["--grant", "No such grant"], "Crime Reduction Grant" },
        { "measure-seasonality", ["--measure", "no-such-measure"], "shoplifting" },
        { "peer-comparison", ["--area", "E99999999"], "E23000032  Kent" },
        { "load-quality", ["--run", "no-such-run"], "" },
        { "district-profile", ["--no-such-option", "x"], "--district CODE" },
    };

    [Theory]
    [MemberData(nameof(BadArguments))]
    public void Bad_arguments_list_the_valid_choices_and_exit_non_zero_without_a_stack_trace(string name, string[] arguments, string choice)
    {
        Assert.True(Runs[name].ExitCode == 0, Runs[name].Explain); // built and working, so the failure below is the arguments'
        var run = NotebookRuns.Run(name, [.. arguments, "--warehouse", Warehouse.Root, "--out", Path.Combine(Warehouse.Inputs, "bad")]);

        Assert.Equal(64, run.ExitCode);
        Assert.Contains(choice == "" ? Warehouse.Published.RunId : choice, run.Errors, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Output + run.Errors, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", run.Output + run.Errors, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(Warehouse.Inputs, "bad")), "nothing is written for bad arguments");
    }

    [Fact]
    public void A_missing_warehouse_says_which_command_builds_it()
    {
        Assert.True(Runs["template"].ExitCode == 0, Runs["template"].Explain);
        var empty = Directory.CreateTempSubdirectory("notebook-no-warehouse-").FullName;
        try
        {
            var run = NotebookRuns.Run("template", ["--warehouse", empty]);

            Assert.Equal(2, run.ExitCode);
            Assert.Contains("dotnet run --project etl -- run --source data/sample", run.Errors, StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", run.Output + run.Errors, StringComparison.Ordinal);
        }
        finally { Directory.Delete(empty, recursive: true); }
    }

    private static double Number(string text) => double.Parse(text, CultureInfo.InvariantCulture);

    private sealed record ProfileRow(string AreaType, long RecordedCrimes, double RecordedCrimesPer1000, double PositiveOutcomeRate, long AntiSocialBehaviour, double Spent);
    private sealed record AllocationRow(string FormulaId, string DistrictCode, double FormulaAmount, double ActualAmount, double Difference);
    private sealed record MonthCount(string Month, long Incidents);
    private sealed record PlanValue(string Period, double Value);
    private sealed record AreaRate(string AreaCode, double Per1000);
    private sealed record KindRows(string Kind, long Loaded, long Rejected);
}
