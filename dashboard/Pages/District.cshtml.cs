using Analytics.Dashboard.Charts;
using Analytics.Dashboard.Filters;
using Analytics.Warehouse.Queries;

namespace Analytics.Dashboard.Pages;

/// <summary>One district of the force area; an unknown or malformed code answers 404 with the districts to choose from.</summary>
public sealed class DistrictModel(DistrictCharts district, FilterOptions filters) : ChartPageModel(filters)
{
    public string AskedCode { get; private set; } = "";
    public DistrictOption? District { get; private set; }
    public IReadOnlyList<DistrictRateRow> Rates { get; private set; } = [];
    public DistrictRateRow? Rate { get; private set; }
    public DistrictRateRow? ForceArea { get; private set; }
    public IReadOnlyList<DistrictSpendRow> Spend { get; private set; } = [];
    public IReadOnlyList<DistrictMeasureRow> Measures { get; private set; } = [];

    private AreaOption? found;

    /// <summary>Any district of any force area with data has its page: the district decides the force area shown.</summary>
    protected override DashboardFilter Adjust(DashboardFilter asked)
    {
        AskedCode = (RouteData.Values["code"] as string ?? "").Trim();
        found = FilterOptions.AnyDistrict(AskedCode.ToUpperInvariant());
        return found is null ? asked : asked with { Area = found.ForceAreaCode, District = null };
    }

    protected override IReadOnlyList<ChartPanel> BuildCharts(ValidatedFilter filter)
    {
        if (found is null)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
            return [];
        }
        District = new DistrictOption(found.Code, found.Name);
        Rates = district.Rates(filter);
        Rate = Rates.FirstOrDefault(r => r.DistrictCode == District.Code);
        ForceArea = district.ForceArea(filter);
        Spend = district.Spend(District.Code, filter);
        Measures = district.Measures(District.Code, filter);
        return district.Build(District.Code, District.Name, filter, Rates, ForceArea, Spend);
    }
}
