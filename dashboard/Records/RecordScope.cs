using Analytics.Dashboard.Filters;
using Analytics.Warehouse.Queries;
using Microsoft.AspNetCore.Routing;

namespace Analytics.Dashboard.Records;

/// <summary>The area, year and crime type a page's count figures are for, as the page itself decides them.</summary>
public static class RecordScope
{
    public static RecordSelection Of(RouteData route, ValidatedFilter filter)
    {
        ArgumentNullException.ThrowIfNull(route);
        ArgumentNullException.ThrowIfNull(filter);
        var forceArea = new RecordSelection(filter.ForceArea, filter.Year);
        return (route.Values["page"] as string) switch
        {
            // A district's page is for the district in its address, whatever the filters say; its charts take no crime type.
            "/District" => forceArea with { District = (route.Values["code"] as string)?.Trim().ToUpperInvariant() },
            // The overview is the force area as a whole, all crime types.
            "/Index" => forceArea,
            _ => forceArea with { District = filter.District, CrimeType = filter.CrimeType },
        };
    }
}
