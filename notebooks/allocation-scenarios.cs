// Allocation scenarios: how a grant would be shared out by every allocation formula in the warehouse and by a grid
// of weight choices, who gains and who loses against what each district actually received, and how much each
// district's share moves as the weights move.
// Run from the repository:  dotnet run notebooks/allocation-scenarios.cs -- --grant "Crime Reduction Grant" [--year 2025/26] [--area E23000032]
#:project Support/Analytics.Notebooks.csproj
#:package Microsoft.Data.Analysis
#:package Plotly.NET.CSharp
#:property PublishAot=false

using Analytics.Notebooks;
using Analytics.Warehouse.Queries;
using Microsoft.Data.Analysis;
using Plotly.NET;
using Plotly.NET.CSharp;
using Chart = Plotly.NET.CSharp.Chart;

return Notebook.Run("allocation-scenarios", "Allocation scenarios",
    "Usage: dotnet run notebooks/allocation-scenarios.cs -- --grant NAME [--year YYYY/YY] [--area FORCE-AREA-CODE] [--warehouse DIR] [--out DIR]",
    ["grant", "year", "area"], args, notebook =>
{
    // Every grant the warehouse can share out: one funding stream's grant lines in one year and force area.
    var grants = notebook.Query("""
        SELECT DISTINCT grant_name, financial_year, force_area_code, grant_total FROM marts.allocation_model
        ORDER BY grant_name, financial_year DESC, force_area_code
        """);
    var choices = grants.Rows.Select(row => $"{row["grant_name"]}  (--year {row["financial_year"]} --area {row["force_area_code"]})").ToList();
    var grant = notebook.Arguments.Required("grant", () => "Choose a grant:\n  " + string.Join("\n  ", choices));
    var matching = grants.Where("grant_name", grant);
    if (notebook.Arguments["year"] is { } askedYear) matching = matching.Where("financial_year", askedYear);
    if (notebook.Arguments["area"] is { } askedArea) matching = matching.Where("force_area_code", askedArea);
    if (matching.Rows.Count == 0)
        throw NotebookException.UnknownChoice("grant", string.Join(" ", new[] { grant, notebook.Arguments["year"], notebook.Arguments["area"] }.OfType<string>()), choices);
    var year = (string)matching["financial_year"][0]; // the latest year, unless one was asked for
    matching = matching.Where("financial_year", year);
    if (matching.Rows.Count > 1) throw new NotebookException($"{grant} {year} is a grant in several force areas: add --area. Choose one of:\n  " + string.Join("\n  ", choices));
    var area = (string)matching["force_area_code"][0];
    var total = Convert.ToDecimal(matching["grant_total"][0]);
    var queries = new AllocationQueries(notebook);

    notebook.Report.Paragraph($"{grant}, {year}, force area {area}: {total:N2} pounds shared among the districts its grant lines serve.");
    notebook.Report.Paragraph("Every formula is the warehouse's own engine (marts.allocation_model for the formulas in seeds/allocation_formulas.csv, "
        + "marts.allocate_grant for any other weights): share = (fixed × 1/n + crime × crimes/Σcrimes + population × residents/Σresidents "
        + "+ crime rate × rate/Σrate) ÷ (sum of the weights), split to the penny. The basis is the grant year's recorded crime and residents, "
        + "or the nearest year with crime data.");
    notebook.Report.Source("marts.allocation_model and marts.allocate_grant (the allocation engine); funding returns (figures marked illustrative are not published); data.police.uk; ONS mid-year population estimates");

    // 1. The formulas the warehouse holds, district by district, beside what each district actually received.
    notebook.Report.Heading("1. Every formula in the warehouse against the actual receipts");
    var formulas = Frames.FromRecords(queries.ByFormula(grant, year, area));
    var basis = formulas.Select("basis_year", "basis_months_covered")[0, 0];
    notebook.Report.Paragraph($"Basis year {basis} ({formulas["basis_months_covered"][0]} months of crime data).");
    var actual = formulas.Where("formula_id", (string)formulas["formula_id"][0]).Select("district_name", "actual_amount");
    var formulaIds = formulas["formula_id"].Cast<string>().Distinct().ToList();
    var byFormula = Chart.Combine(formulaIds.Select((id, i) =>
    {
        var rows = formulas.Where("formula_id", id);
        return Chart.Column<double, string, string>(rows.Values<double>("formula_amount"), rows.Values<string>("district_name"),
            Name: (string)rows["formula_name"][0], MarkerColor: Color.fromHex(ChartJson.Colours[(i + 1) % ChartJson.Colours.Length]));
    }).Append(Chart.Point<string, double, string>(actual.Values<string>("district_name"), actual.Values<double>("actual_amount"),
        Name: "Actually received", MarkerColor: Color.fromHex(ChartJson.Colours[0])))).WithYAxisStyle<double, double, string>(TitleText: "pounds");
    notebook.Figure(byFormula, $"{grant} {year}: each district's amount under each formula (bars) and what it received (points)",
        formulas.Select("formula_id", "formula_name", "district_code", "district_name", "basis_recorded_crimes", "basis_population",
            "formula_share", "formula_amount", "actual_amount", "difference"), "formulas.csv");

    // 2. Who gains and who loses: received minus the formula's amount. Positive: the district got more than the formula gives.
    notebook.Report.Heading("2. Who gains and who loses under each formula");
    var gainsChart = Chart.Combine(formulaIds.Select((id, i) =>
    {
        var rows = formulas.Where("formula_id", id);
        return Chart.Bar<double, string, string>(rows.Values<double>("difference"), rows.Values<string>("district_name"),
            Name: (string)rows["formula_name"][0], MarkerColor: Color.fromHex(ChartJson.Colours[(i + 1) % ChartJson.Colours.Length]));
    })).WithXAxisStyle<double, double, string>(TitleText: "received minus formula amount, pounds");
    var gains = formulas.GroupBy<string>("district_name").Min("difference");
    gains.Columns["difference"].SetName("largest_shortfall");
    var most = formulas.GroupBy<string>("district_name").Max("difference");
    most.Columns["difference"].SetName("largest_excess");
    gains = gains.Merge<string>(most, "district_name", "district_name", "", "_max");
    gains.Columns.Remove("district_name_max");
    notebook.Figure(gainsChart, $"Received minus formula amount by district and formula, {grant} {year} (negative: the formula would give more)",
        gains.OrderBy("largest_shortfall"), "gains-and-losses.csv");

    // 3. A grid of weight choices (quarters of the whole: 35 mixes of fixed, crime, population and crime rate),
    //    each run through the engine: how far each district's share moves however the weights are chosen.
    notebook.Report.Heading("3. How sensitive each district's share is to the weights");
    double[] steps = [0, 0.25, 0.5, 0.75, 1];
    var mixes = (from f in steps from c in steps from p in steps let r = 1 - f - c - p where r >= -1e-9 select new AllocationWeights(f, c, p, Math.Round(r, 2))).ToList();
    var grid = Frames.FromRecords(mixes.SelectMany(w => queries.WhatIf(grant, year, area, total, w).Select(d => new
    {
        FixedWeight = w.Fixed, CrimeWeight = w.Crime, PopulationWeight = w.Population, CrimeRateWeight = w.CrimeRate,
        d.DistrictCode, d.DistrictName, d.FormulaShare, d.FormulaAmount, d.ActualAmount, d.Difference,
        Gains = d.Difference < 0 ? 1L : 0L,
    })));
    grid.Columns.Add(grid["actual_amount"].AsDouble().Divide((double)total).AsDouble("actual_share"));
    var spread = grid.GroupBy<string>("district_name").Min("formula_share");
    spread.Columns["formula_share"].SetName("lowest_share");
    foreach (var (summary, column) in new[]
             {
                 (grid.GroupBy<string>("district_name").Max("formula_share"), "highest_share"),
                 (grid.GroupBy<string>("district_name").Mean("actual_share"), "actual_share"),
                 (grid.GroupBy<string>("district_name").Sum("gains"), "mixes_giving_more_than_received"),
             })
    {
        summary.Columns[summary.Columns[1].Name].SetName(column);
        spread = spread.Merge<string>(summary, "district_name", "district_name", "", "_other");
        spread.Columns.Remove("district_name_other");
    }
    spread.Columns.Add(spread["highest_share"].Subtract(spread["lowest_share"]).AsDouble("share_range"));
    spread = spread.OrderByDescending("share_range");
    var mid = spread["lowest_share"].Add(spread["highest_share"]).Divide(2.0).AsDouble();
    var spreadChart = Chart.Combine([
        ChartJson.WithIntervals(Chart.Point<string, double, string>(spread.Values<string>("district_name"), mid.Cast<double?>().Select(v => v ?? 0).ToArray(),
                Name: $"Range of share over {mixes.Count} weight mixes", MarkerColor: Color.fromHex(ChartJson.Colours[4])),
            mid.Cast<double?>().Select(v => v ?? 0).ToArray(), spread.Values<double>("lowest_share"), spread.Values<double>("highest_share")),
        Chart.Point<string, double, string>(spread.Values<string>("district_name"), spread.Values<double>("actual_share"), Name: "Share actually received",
            MarkerColor: Color.fromHex(ChartJson.Colours[0])),
    ]).WithYAxisStyle<double, double, string>(TitleText: "share of the grant");
    notebook.Figure(spreadChart, $"Each district's lowest and highest share over {mixes.Count} weight mixes, and the share it received, {grant} {year}", spread, "sensitivity.csv");
    notebook.Table(grid.Select("fixed_weight", "crime_weight", "population_weight", "crime_rate_weight", "district_code", "district_name",
        "formula_share", "formula_amount", "actual_amount", "difference"), $"Every weight mix and district ({grid.Rows.Count} rows)", "weight-grid.csv");

    // 4. One path through the grid: from all population to all crime (no fixed share, no rate), the trade-off most panels argue over.
    notebook.Report.Heading("4. From population to crime: each district's share as the weight moves");
    var path = grid.Filter((PrimitiveDataFrameColumn<bool>)grid["fixed_weight"].ElementwiseEquals(0.0).And(grid["crime_rate_weight"].ElementwiseEquals(0.0))).OrderBy("crime_weight");
    var pathChart = Chart.Combine(path["district_name"].Cast<string>().Distinct().Select((district, i) =>
    {
        var rows = path.Where("district_name", district);
        return Chart.Line<double, double, string>(rows.Values<double>("crime_weight"), rows.Values<double>("formula_share"), Name: district, ShowMarkers: true,
            LineColor: Color.fromHex(ChartJson.Colours[i % ChartJson.Colours.Length]));
    })).WithXAxisStyle<double, double, string>(TitleText: "crime weight (population weight = 1 − crime weight)")
       .WithYAxisStyle<double, double, string>(TitleText: "share of the grant");
    notebook.Figure(pathChart, "Each district's share as the weight moves from population (0) to recorded crime (1)",
        path.Select("crime_weight", "population_weight", "district_name", "formula_share", "formula_amount"), "population-to-crime.csv");
});
