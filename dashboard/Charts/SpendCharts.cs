using Analytics.Dashboard.Filters;
using Analytics.Warehouse.Queries;
using Plotly.NET;
using Chart = Plotly.NET.CSharp.Chart;
using Plotly.NET.CSharp;

namespace Analytics.Dashboard.Charts;

/// <summary>The spend page's figures and charts: money by district, by where it came from and how it was spent, and its flow.</summary>
public static class SpendCharts
{
    /// <summary>The four ways the spend is broken down, in the order the page shows them, with their chart ids and headings.</summary>
    public static readonly IReadOnlyList<(string Dimension, string Id, string Heading)> Breakdowns =
    [
        ("funder", "spend-by-funder", "Funder"),
        ("funding_stream", "spend-by-funding-stream", "Funding stream"),
        ("commissioning_model", "spend-by-commissioning-model", "Commissioning model"),
        ("budget_arrangement", "spend-by-budget-arrangement", "Budget arrangement"),
    ];

    public static IReadOnlyList<ChartPanel> Build(
        ValidatedFilter filter, IReadOnlyList<DistrictSpend> districts, IReadOnlyList<DistrictSpend> allDistricts, IReadOnlyList<SpendBreakdown> breakdowns, IReadOnlyList<SpendFlow> flows)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var place = filter.DistrictName ?? filter.ForceAreaName;
        var panels = new List<ChartPanel> { ByDistrict(filter, districts), PerResident(filter, allDistricts) };
        panels.AddRange(Breakdowns.Select(b => Breakdown(b.Id, b.Heading, place, filter.Year, breakdowns.Where(row => row.Dimension == b.Dimension).ToList())));
        panels.Add(Flow(filter, place, flows));
        return panels;
    }

    private static ChartPanel ByDistrict(ValidatedFilter filter, IReadOnlyList<DistrictSpend> districts)
    {
        var names = districts.Select(d => d.DistrictName).ToArray();
        var chart = Plotly.NET.CSharp.Chart.Combine(
            [
                Chart.Column<decimal, string, string>(districts.Select(d => d.Allocated).ToArray(), names, Name: "Allocated", MarkerColor: Color.fromHex(ChartStyle.Blue)),
                Chart.Column<decimal, string, string>(districts.Select(d => d.Spent).ToArray(), names, Name: "Spent (striped)", MarkerColor: Color.fromHex(ChartStyle.Orange),
                    MarkerPatternShape: StyleParam.PatternShape.DiagonalDescending),
            ])
            .WithXAxisStyle<string, string, string>(TitleText: "District")
            .WithYAxisStyle<decimal, decimal, string>(TitleText: "Pounds (£) in the year");
        return new ChartPanel("spend-by-district", $"Money allocated and spent by district, {filter.DistrictName ?? filter.ForceAreaName}, {filter.Year}",
            "Pounds allocated to each district from every funding return line, and pounds reported spent. A line that serves several districts is shared between them by population; lines with no spend reported yet count as nothing spent.",
            ChartStyle.FundingSource, chart,
            new DataTable(
                [
                    new("district", "District"), new("allocated", "Allocated", ColumnFormat.Money), new("spent", "Spent", ColumnFormat.Money),
                    new("illustrative_allocated", "Of which illustrative", ColumnFormat.Money), new("apportioned_allocated", "Of which shared out by population", ColumnFormat.Money),
                ],
                districts.Select(d => (IReadOnlyList<object?>)[d.DistrictName, d.Allocated, d.Spent, d.IllustrativeAllocated, d.ApportionedAllocated]).ToList()));
    }

    private static ChartPanel PerResident(ValidatedFilter filter, IReadOnlyList<DistrictSpend> districts)
    {
        var names = districts.Select(d => d.DistrictName).ToArray();
        var chart = Chart.Column<double, string, string>(districts.Select(d => d.SpendPer1000Population ?? 0).ToArray(), names, Name: "Spent per 1,000 residents",
                MarkerColor: Color.fromHex(ChartStyle.Blue))
            .WithXAxisStyle<string, string, string>(TitleText: "District")
            .WithYAxisStyle<double, double, string>(TitleText: "Pounds (£) spent per 1,000 residents");
        return new ChartPanel("spend-per-resident", $"Spent per 1,000 residents by district, {filter.ForceAreaName}, {filter.Year}",
            "Pounds spent in each district for every 1,000 people living there, and pounds spent for each recorded crime in a year. Every district is shown so that they can be compared, whichever district is chosen.",
            ChartStyle.FundingSource + "; " + ChartStyle.PopulationSource + "; " + ChartStyle.PoliceSource, chart,
            new DataTable(
                [
                    new("district", "District"), new("population", "Residents", ColumnFormat.Count), new("spent", "Spent", ColumnFormat.Money),
                    new("spent_per_1000_residents", "Spent per 1,000 residents", ColumnFormat.Money), new("spent_per_recorded_crime", "Spent per recorded crime", ColumnFormat.MoneyExact),
                ],
                districts.Select(d => (IReadOnlyList<object?>)[d.DistrictName, d.Population, d.Spent, Pounds(d.SpendPer1000Population), Pounds(d.SpendPerCrime)]).ToList()));
    }

    private static ChartPanel Breakdown(string id, string heading, string place, string year, IReadOnlyList<SpendBreakdown> rows)
    {
        // Horizontal bars keep long names readable; Plotly draws the first category at the bottom, so reverse.
        var ordered = rows.Reverse().ToArray();
        var labels = ordered.Select(r => Label(r.Value)).ToArray();
        var chart = Plotly.NET.CSharp.Chart.Combine(
            [
                Chart.Bar<decimal, string, string>(ordered.Select(r => r.Allocated).ToArray(), labels, Name: "Allocated", MarkerColor: Color.fromHex(ChartStyle.Blue)),
                Chart.Bar<decimal, string, string>(ordered.Select(r => r.Spent).ToArray(), labels, Name: "Spent (striped)", MarkerColor: Color.fromHex(ChartStyle.Orange),
                    MarkerPatternShape: StyleParam.PatternShape.DiagonalDescending),
            ])
            .WithXAxisStyle<decimal, decimal, string>(TitleText: "Pounds (£) in the year")
            .WithYAxisStyle<string, string, string>(TitleText: heading);
        return new ChartPanel(id, $"Allocated and spent by {heading.ToLowerInvariant()}, {place}, {year}",
            $"Money in the year grouped by {heading.ToLowerInvariant()}, largest first, with how much of it is illustrative rather than published.",
            ChartStyle.FundingSource, chart,
            new DataTable(
                [
                    new(id.Replace("spend-by-", "", StringComparison.Ordinal).Replace('-', '_'), heading), new("allocated", "Allocated", ColumnFormat.Money),
                    new("spent", "Spent", ColumnFormat.Money), new("illustrative_allocated", "Of which illustrative", ColumnFormat.Money),
                ],
                rows.Select(r => (IReadOnlyList<object?>)[Label(r.Value), r.Allocated, r.Spent, r.IllustrativeAllocated]).ToList()));
    }

    private static ChartPanel Flow(ValidatedFilter filter, string place, IReadOnlyList<SpendFlow> flows)
    {
        var links = FlowLinks(flows);
        var nodes = new List<string>();
        int Node(string label)
        {
            var index = nodes.IndexOf(label);
            if (index >= 0) return index;
            nodes.Add(label);
            return nodes.Count - 1;
        }
        var sources = links.Select(l => Node(l.From)).ToArray();
        var targets = links.Select(l => Node(l.To)).ToArray();

        // The C# wrapper has no Sankey: build the trace from Plotly.NET's own dynamic trace object.
        var trace = new TraceDomain("sankey");
        trace.SetProperty("node", new Dictionary<string, object>
        {
            ["label"] = nodes.ToArray(), ["color"] = ChartStyle.Grey, ["pad"] = 12, ["thickness"] = 16,
        });
        trace.SetProperty("link", new Dictionary<string, object>
        {
            ["source"] = sources, ["target"] = targets, ["value"] = links.Select(l => l.Amount).ToArray(), ["color"] = "rgba(29, 112, 184, 0.35)",
        });
        trace.SetProperty("valueformat", ",.0f");
        trace.SetProperty("valuesuffix", " pounds");
        trace.SetProperty("arrangement", "snap");
        var chart = GenericChart.ofTraceObject(true, trace);
        return new ChartPanel("money-flow", $"How money flows from funders to services, {place}, {filter.Year}",
            "Each band's width is the money allocated: from the funder (left), through the funding stream, to the district, to the service it pays for (right).",
            ChartStyle.FundingSource, chart,
            new DataTable(
                [new("stage", "Stage"), new("from", "From"), new("to", "To"), new("amount", "Allocated", ColumnFormat.Money)],
                links.Select(l => (IReadOnlyList<object?>)[l.Stage, l.From, l.To, l.Amount]).ToList()));
    }

    /// <summary>The Sankey's links in three stages, each stage's money summing to the same total.</summary>
    internal static IReadOnlyList<(string Stage, string From, string To, decimal Amount)> FlowLinks(IReadOnlyList<SpendFlow> flows)
    {
        static IEnumerable<(string Stage, string From, string To, decimal Amount)> Stage(string stage, IEnumerable<(string From, string To, decimal Amount)> parts) =>
            parts.GroupBy(p => (p.From, p.To)).Select(g => (stage, g.Key.From, g.Key.To, g.Sum(p => p.Amount)))
                .OrderByDescending(l => l.Item4).ThenBy(l => l.From, StringComparer.Ordinal).ThenBy(l => l.To, StringComparer.Ordinal);
        return
        [
            .. Stage("Funder to funding stream", flows.Select(f => (f.Funder, FundingStreamNode(f.FundingStream), f.Allocated))),
            .. Stage("Funding stream to district", flows.Select(f => (FundingStreamNode(f.FundingStream), f.DistrictName, f.Allocated))),
            .. Stage("District to service", flows.Select(f => (f.DistrictName, f.CommissionedService, f.Allocated))),
        ];
    }

    // A stream and a district could share a name; a marker keeps the Sankey's nodes apart.
    private static string FundingStreamNode(string stream) => stream + " (stream)";

    /// <summary>Vocabulary values (service_level, pooled_budget) as words.</summary>
    internal static string Label(string value) => value switch
    {
        "strategic" => "Strategic",
        "service_level" => "Service level",
        "joint" => "Joint",
        "grant" => "Grant",
        "contract" => "Contract",
        "pooled_budget" => "Pooled budget",
        "aligned_budget" => "Aligned budget",
        _ => value,
    };

    private static decimal? Pounds(double? value) => value is null || double.IsNaN(value.Value) ? null : Math.Round((decimal)value.Value, 2);
}
