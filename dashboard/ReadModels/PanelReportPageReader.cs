using Analytics.Dashboard.Filters;
using Analytics.Warehouse.Queries;

namespace Analytics.Dashboard.ReadModels;

/// <summary>
/// Reads /panel-report from <see cref="PanelReportQueries"/> and <see cref="OutcomesQueries"/>. Tables only, so it
/// checks the period itself rather than the shared filters' year.
/// </summary>
public sealed class PanelReportPageReader(FilterOptions filters, PanelReportQueries report, OutcomesQueries outcomes, TimeProvider clock)
{
    public PanelReportPage Read(string? askedArea, string? askedPeriod)
    {
        var area = filters.Validate(new DashboardFilter { Area = askedArea });
        var periods = report.Periods(area.ForceArea);
        // With no plan loaded for the area, the report still shows the latest year's money and value for money.
        var chosen = periods.Count > 0 ? periods[0] : (Period: area.Year, FinancialYear: area.Year);
        string? problem = null;
        if (!string.IsNullOrWhiteSpace(askedPeriod) && periods.Count > 0)
        {
            var asked = askedPeriod.Trim();
            var found = periods.FirstOrDefault(p => string.Equals(p.Period, asked, StringComparison.OrdinalIgnoreCase));
            if (found.Period is not null) chosen = found;
            else problem = $"‘{asked}’ is not a period the plan has results for. Write it like {(chosen.Period.Length > 0 ? chosen.Period : "2025/26")} or {chosen.Period} Q1. Showing {chosen.Period}.";
        }
        var year = filters.Validate(new DashboardFilter { Area = askedArea, Year = chosen.FinancialYear });
        return new PanelReportPage(year, periods, chosen.Period, chosen.FinancialYear, problem,
            periods.Count == 0 ? [] : outcomes.Measures(year.ForceArea, chosen.Period), outcomes.Statuses(),
            report.SpendByStream(year.ForceArea, chosen.FinancialYear), report.ValueForMoney(year.ForceArea, chosen.FinancialYear),
            clock.GetUtcNow().UtcDateTime);
    }
}
