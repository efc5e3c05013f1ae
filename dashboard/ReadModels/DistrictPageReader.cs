using Analytics.Dashboard.Charts;
using Analytics.Dashboard.Filters;
using Analytics.Warehouse.Queries;

namespace Analytics.Dashboard.ReadModels;

/// <summary>Reads a district's page: its rows from <see cref="DistrictQueries"/> and <see cref="CrimePageQueries"/>, its charts from <see cref="DistrictCharts"/>.</summary>
public sealed class DistrictPageReader(FilterOptions filters, DistrictQueries queries, CrimePageQueries crime)
{
    /// <summary>Any district of any force area with data has its page: the district decides the force area shown.</summary>
    public DistrictPage Read(string askedCode, DashboardFilter asked)
    {
        ArgumentNullException.ThrowIfNull(askedCode);
        var code = askedCode.Trim();
        var found = filters.AnyDistrict(code.ToUpperInvariant());
        var filter = filters.Validate(found is null ? asked : asked with { Area = found.ForceAreaCode, District = null });
        if (found is null) return new DistrictPage(filter, code, null, null, null, [], [], []);
        var rates = queries.Rates(filter.ForceArea, filter.Year);
        var area = queries.ForceArea(filter.ForceArea, filter.Year);
        var spend = queries.SpendByStream(found.Code, filter.Year);
        var charts = DistrictCharts.Build(found.Code, found.Name, filter,
            crime.Monthly(AreaLevels.District, found.Code, filter.Year, null), crime.ByType(AreaLevels.District, found.Code, filter.Year, null), rates, area, spend);
        return new DistrictPage(filter, code, new DistrictOption(found.Code, found.Name), rates.FirstOrDefault(r => r.DistrictCode == found.Code), area,
            spend, queries.Measures(found.Code, filter.Year), charts);
    }
}
