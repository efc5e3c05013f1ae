using Analytics.Dashboard.ReadModels;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Analytics.Dashboard.Pages;

/// <summary>One printable page for the Police and Crime Panel: tables only, so no chart downloads.</summary>
public sealed class PanelReportModel(PanelReportPageReader reader) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "period")]
    public string? AskedPeriod { get; set; }

    [BindProperty(SupportsGet = true, Name = "area")]
    public string? AskedArea { get; set; }

    /// <summary>Everything the view shows, already read.</summary>
    public PanelReportPage Data { get; private set; } = null!;

    public void OnGet() => Data = reader.Read(AskedArea, AskedPeriod);
}
