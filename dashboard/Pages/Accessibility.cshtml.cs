using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Analytics.Dashboard.Pages;

/// <summary>The accessibility statement, in the form of the GOV.UK model statement for public sector websites.</summary>
public sealed class AccessibilityModel : PageModel
{
    public const string ContactEmail = "opcc-data@example.org";
    public const string Prepared = "25 November 2026";

    public void OnGet()
    {
        // Static content: nothing to load.
    }
}
