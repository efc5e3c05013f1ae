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
    public AreaRate ForceArea { get; private set; } = new(null, 0, 0);
    public IReadOnlyList<DistrictSpendRow> Spend { get; private set; } = [];
    public IReadOnlyList<DistrictMeasureRow> Measures { get; private set; } = [];

    protected override IReadOnlyList<ChartPanel> BuildCharts(ValidatedFilter filter)
    {
        AskedCode = (RouteData.Values["code"] as string ?? "").Trim();
        var code = AskedCode.ToUpperInvariant();
        District = FilterOptions.Districts.FirstOrDefault(d => d.Code == code);
        if (District is null)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
            return [];
        }
        Rates = district.Rates(filter);
        Rate = Rates.FirstOrDefault(r => r.DistrictCode == District.Code);
        ForceArea = DistrictCharts.ForceArea(Rates);
        Spend = district.Spend(District.Code, filter);
        Measures = district.Measures(District.Code, filter);
        return district.Build(District.Code, District.Name, filter, Rates, Spend);
    }
}
