using Analytics.Dashboard.Filters;
using Analytics.Dashboard.ReadModels;
using Microsoft.AspNetCore.Mvc;

namespace Analytics.Dashboard.Pages;

public sealed class OutcomesModel(OutcomesPageReader reader) : ChartPageModel<OutcomesPage>
{
    /// <summary>The measure whose trend is charted (?measure=robbery), checked by the reader.</summary>
    [BindProperty(SupportsGet = true, Name = "measure")]
    public string? AskedMeasure { get; set; }

    protected override OutcomesPage Read(DashboardFilter filter) => reader.Read(filter, AskedMeasure);
}
