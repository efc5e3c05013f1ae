using Analytics.Dashboard.Filters;
using Analytics.Warehouse.Queries;
using Plotly.NET.CSharp;

namespace Analytics.Dashboard.Charts;

/// <summary>The overview's figures and its one chart: recorded crime and anti-social behaviour by month.</summary>
public sealed class OverviewCharts(OverviewQueries queries)
{
    public Headlines Headlines(ValidatedFilter filter) => queries.Headlines(filter.ForceArea, filter.Year);
    public IReadOnlyList<StatusCount> PlanStatus(ValidatedFilter filter) => queries.PlanStatus(filter.ForceArea, filter.Year);
    public Freshness Freshness(ValidatedFilter filter) => queries.Freshness(filter.ForceArea);

    public IReadOnlyList<ChartPanel> Build(ValidatedFilter filter)
    {
        var months = queries.Monthly(filter.ForceArea, filter.Year);
        var x = months.Select(m => m.Month).ToArray();
        var chart = Chart.Combine(
            [
                Chart.Line<DateTime, long, string>(x, months.Select(m => m.RecordedCrimes).ToArray(), Name: "Recorded crime", LineColor: Plotly.NET.Color.fromHex(ChartStyle.Blue), ShowMarkers: true),
                Chart.Line<DateTime, long, string>(x, months.Select(m => m.AntiSocialBehaviour).ToArray(), Name: "Anti-social behaviour", LineColor: Plotly.NET.Color.fromHex(ChartStyle.Orange), ShowMarkers: true, LineDash: Plotly.NET.StyleParam.DrawingStyle.Dash),
            ])
            .WithXAxisStyle<DateTime, DateTime, string>(TitleText: "Month")
            .WithYAxisStyle<long, long, string>(TitleText: "Incidents a month");
        return
        [
            new ChartPanel("monthly-incidents", $"Recorded crime and anti-social behaviour by month, {filter.ForceAreaName}, {filter.Year}",
                "Recorded crime (every published crime type but anti-social behaviour) and anti-social behaviour incidents, each month of the financial year loaded so far.",
                ChartStyle.PoliceSource, chart,
                new DataTable(
                    [new("month", "Month", ColumnFormat.Month), new("recorded_crimes", "Recorded crimes", ColumnFormat.Count), new("anti_social_behaviour", "Anti-social behaviour incidents", ColumnFormat.Count)],
                    months.Select(m => (IReadOnlyList<object?>)[m.Month, m.RecordedCrimes, m.AntiSocialBehaviour]).ToList())),
        ];
    }
}
