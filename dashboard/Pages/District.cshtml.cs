using Analytics.Dashboard.Filters;
using Analytics.Dashboard.ReadModels;

namespace Analytics.Dashboard.Pages;

/// <summary>One district of any force area; an unknown or malformed code answers 404 with the districts to choose from.</summary>
public sealed class DistrictModel(DistrictPageReader reader) : ChartPageModel<DistrictPage>
{
    protected override DistrictPage Read(DashboardFilter filter)
    {
        var page = reader.Read(RouteData.Values["code"] as string ?? "", filter);
        if (page.District is null) Response.StatusCode = StatusCodes.Status404NotFound;
        return page;
    }
}
