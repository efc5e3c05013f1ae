// Measure seasonality: one Police and Crime Plan measure month by month, beside the same months a year earlier
// where they are loaded, so that a panel can tell a season (every year's summer peak) from a trend (this year
// higher than last year's same months).
// Run from the repository:  dotnet run notebooks/measure-seasonality.cs -- --measure shoplifting [--area E07000105]
#:project Support/Analytics.Notebooks.csproj
#:package Microsoft.Data.Analysis
#:package Plotly.NET.CSharp
#:property PublishAot=false

using System.Globalization;
using Analytics.Notebooks;
using Microsoft.Data.Analysis;
using Plotly.NET;
using Plotly.NET.CSharp;
using Chart = Plotly.NET.CSharp.Chart;

return Notebook.Run("measure-seasonality", "Measure seasonality",
    "Usage: dotnet run notebooks/measure-seasonality.cs -- --measure ID [--area CODE] [--warehouse DIR] [--out DIR]",
    ["measure", "area"], args, notebook =>
{
    // The plan's measures, as marts.objective_performance holds them (what each counts, and its areas).
    var measures = notebook.Query("""
        SELECT DISTINCT measure_id, measure_title, metric, crime_types, plan_title FROM marts.objective_performance ORDER BY measure_id
        """);
    var choices = measures.Rows.Select(row => $"{row["measure_id"]}  {row["measure_title"]}").ToList();
    var id = notebook.Arguments.Required("measure", () => "Choose a measure:\n  " + string.Join("\n  ", choices));
    var measure = measures.Where("measure_id", id);
    if (measure.Rows.Count == 0) throw NotebookException.UnknownChoice("measure", id, choices);
    var title = (string)measure["measure_title"][0];
    var metric = (string)measure["metric"][0];

    // The measure's areas: its plan's force area (the default) and that force area's districts.
    var official = notebook.Query("""
        SELECT area_type, area_code, area_name, period, period_type, months_covered, value, incidents, positive_outcomes,
               baseline_period, baseline_value, change_percent, is_significant, status, status_rule
        FROM marts.objective_performance WHERE measure_id = $id ORDER BY area_type DESC, area_code, period
        """, new { id });
    var areas = official.Select("area_type", "area_code", "area_name").Rows
        .Select(row => (Type: (string)row[0], Code: (string)row[1], Name: (string)row[2])).Distinct().ToList();
    var areaCode = notebook.Arguments["area"] ?? areas.First(area => area.Type == "force area").Code;
    if (areas.All(area => area.Code != areaCode)) throw NotebookException.UnknownChoice($"area for {id}", areaCode, areas.Select(area => $"{area.Code}  {area.Name} ({area.Type})"));
    var areaName = areas.First(area => area.Code == areaCode).Name;

    notebook.Report.Paragraph($"{title} ({id}, {metric}), {areaName}: month by month over every month loaded, each beside the same month a year earlier.");
    notebook.Report.Paragraph(metric switch
    {
        "positive_outcome_rate" => "The monthly value is the share of the month's crimes with a positive outcome (positive outcomes ÷ crimes), as the measure defines it.",
        "rate_per_1000" => "The monthly value is the month's rate per 1,000 residents a year, as the measure defines it; the population changes once a year, so within a year a season shows as it does in the count.",
        _ => "The measure counts incidents a month, so the monthly value is the month's count.",
    });
    notebook.Report.Source("marts.plan_measure_by_month (months, each beside the same month a year earlier), marts.objective_performance (the plan's official values and status); data.police.uk street-level crime and outcomes (Open Government Licence v3.0)");

    // 1. The months, each beside the same month a year earlier where that month is loaded, valued as the plan values
    //    its periods (marts.plan_measure_by_month), so nothing here redefines the measure.
    var compared = notebook.Query("""
        SELECT month, incidents, positive_outcomes, value, year_earlier_value AS value_a_year_earlier, change_percent
        FROM marts.plan_measure_by_month WHERE measure_id = $id AND area_code = $area ORDER BY month
        """, new { id, area = areaCode });
    compared.Columns.Add(new PrimitiveDataFrameColumn<int>("calendar_year", compared.Values<DateTime>("month").Select(m => m.Year)));
    compared.Columns.Add(new StringDataFrameColumn("month_name", compared.Values<DateTime>("month").Select(m => m.ToString("MMM", CultureInfo.InvariantCulture))));
    var paired = compared.Filter(compared["value_a_year_earlier"].ElementwiseIsNotNull());
    notebook.Report.Paragraph(paired.Rows.Count == 0
        ? "No month has the same month a year earlier loaded, so seasons cannot yet be told from trends here."
        : $"{paired.Rows.Count} months have the same month a year earlier loaded; on average they are "
          + $"{Convert.ToDouble(paired["change_percent"].Mean()).ToString("+0.0;-0.0", CultureInfo.InvariantCulture)}% on it.");

    // 2. The seasonal overlay: one line per calendar year over January to December. Lines that move together are a season.
    notebook.Report.Heading("1. Each year's months laid over each other");
    var overlay = Chart.Combine(compared["calendar_year"].Cast<int?>().Distinct().Select((year, i) =>
    {
        var ofYear = compared.Filter(compared["calendar_year"].ElementwiseEquals(year!.Value));
        return Chart.Line<string, double, string>(ofYear.Values<string>("month_name"), ofYear.Values<double>("value"), Name: year.Value.ToString(CultureInfo.InvariantCulture),
            ShowMarkers: true, LineColor: Color.fromHex(ChartJson.Colours[i % ChartJson.Colours.Length]));
    })).WithXAxisStyle<string, string, string>(TitleText: "month", CategoryOrder: StyleParam.CategoryOrder.Array,
            CategoryArray: CultureInfo.InvariantCulture.DateTimeFormat.AbbreviatedMonthNames.Take(12).ToArray())
       .WithYAxisStyle<double, double, string>(TitleText: metric switch
       {
           "positive_outcome_rate" => "share of crimes with a positive outcome",
           "rate_per_1000" => "per 1,000 residents a year",
           _ => "incidents a month",
       });
    notebook.Figure(overlay, $"{title}, {areaName}, month by month, one line per calendar year",
        compared.Select("month", "calendar_year", "month_name", "incidents", "positive_outcomes", "value", "value_a_year_earlier", "change_percent"), "months.csv");

    // 3. The change on a year earlier, month by month: bars all one side of zero are a trend, not a season.
    notebook.Report.Heading("2. Change on the same month a year earlier");
    var changeChart = Chart.Column<double, DateTime, string>(paired.Values<double>("change_percent"), paired.Values<DateTime>("month"),
            Name: "Change on a year earlier", MarkerColor: Color.fromHex(ChartJson.Colours[0]))
        .WithYAxisStyle<double, double, string>(TitleText: "per cent change on the same month a year earlier");
    notebook.Figure(changeChart, $"{title}, {areaName}: change on the same month a year earlier, where both are loaded",
        paired.Select("month", "value", "value_a_year_earlier", "change_percent"), "year-on-year.csv");

    // 4. The plan's own verdict, for reference: the measure's values by year and quarter, and the rule that set its status.
    notebook.Report.Heading("3. The plan's figures for this measure");
    notebook.Table(official.Where("area_code", areaCode).Select("period", "period_type", "months_covered", "value", "incidents", "positive_outcomes",
        "baseline_period", "baseline_value", "change_percent", "is_significant", "status", "status_rule"),
        $"{title}, {areaName}: the plan's values, baseline and status (marts.objective_performance)", "plan-values.csv");
});
