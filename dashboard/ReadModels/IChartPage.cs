using Analytics.Dashboard.Charts;
using Analytics.Dashboard.Filters;

namespace Analytics.Dashboard.ReadModels;

/// <summary>A page's read model with charts: each chart's CSV download comes from the same record.</summary>
public interface IChartPage
{
    ValidatedFilter Filter { get; }
    IReadOnlyList<ChartPanel> Charts { get; }
}
