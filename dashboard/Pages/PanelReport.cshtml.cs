using Analytics.Dashboard.Filters;
using Analytics.Warehouse.Queries;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Analytics.Dashboard.Pages;

/// <summary>
/// One printable page for the Police and Crime Panel: plan status for a year or quarter, and that year's spend and
/// value for money. Tables only, so it reads the period itself rather than the shared filters.
/// </summary>
public sealed class PanelReportModel(PanelReportQueries report, OutcomesQueries outcomes, FilterOptions filters) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "period")]
    public string? AskedPeriod { get; set; }

    [BindProperty(SupportsGet = true, Name = "area")]
    public string? AskedArea { get; set; }

    public IReadOnlyList<(string Period, string FinancialYear)> Periods { get; private set; } = [];
    public string Period { get; private set; } = "";
    public string? PeriodProblem { get; private set; }
    /// <summary>The financial year of the period, checked like every page's year (for its name and months covered).</summary>
    public ValidatedFilter Year { get; private set; } = null!;
    public string FinancialYear { get; private set; } = "";
    public bool IsQuarter => Period.Contains(" Q", StringComparison.Ordinal);
    public IReadOnlyList<MeasureResult> Measures { get; private set; } = [];
    /// <summary>Every plan status in display order, so the summary counts them in the key's order.</summary>
    public IReadOnlyList<PlanStatus> Statuses { get; private set; } = [];
    public IReadOnlyList<StreamSpend> Spend { get; private set; } = [];
    public IReadOnlyList<PanelDistrictValue> Districts { get; private set; } = [];
    public DateTime Produced { get; } = DateTime.UtcNow;

    public void OnGet()
    {
        var area = filters.Validate(new DashboardFilter { Area = AskedArea });
        Periods = report.Periods(area.ForceArea);
        // With no plan loaded for the area, the report still shows the latest year's money and value for money.
        var chosen = Periods.Count > 0 ? Periods[0] : (Period: area.Year, FinancialYear: area.Year);
        if (!string.IsNullOrWhiteSpace(AskedPeriod) && Periods.Count > 0)
        {
            var asked = AskedPeriod.Trim();
            var found = Periods.FirstOrDefault(p => string.Equals(p.Period, asked, StringComparison.OrdinalIgnoreCase));
            if (found.Period is not null) chosen = found;
            else PeriodProblem = $"‘{asked}’ is not a period the plan has results for. Write it like {(chosen.Period.Length > 0 ? chosen.Period : "2025/26")} or {chosen.Period} Q1. Showing {chosen.Period}.";
        }
        Period = chosen.Period;
        FinancialYear = chosen.FinancialYear;
        Year = filters.Validate(new DashboardFilter { Area = AskedArea, Year = chosen.FinancialYear });
        Measures = Periods.Count == 0 ? [] : outcomes.Measures(Year.ForceArea, Period);
        Statuses = outcomes.Statuses();
        Spend = report.SpendByStream(Year.ForceArea, FinancialYear);
        Districts = report.ValueForMoney(Year.ForceArea, FinancialYear);
    }
}
