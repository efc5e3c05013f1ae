using Analytics.Dashboard.Filters;
using Analytics.Dashboard.ReadModels;
using Microsoft.AspNetCore.Mvc;

namespace Analytics.Dashboard.Pages;

/// <summary>The chosen force area beside every other force area loaded, and a district beside its ONS nearest neighbours.</summary>
public sealed class PeersModel(PeersPageReader reader) : ChartPageModel<PeersPage>
{
    protected override PeersPage Read(DashboardFilter filter) => reader.Read(filter);

    public IActionResult OnGetNeighboursCsv(DashboardFilter filter)
    {
        OnGet(filter);
        return Csv(Data.Neighbours, "nearest-neighbours");
    }
}
