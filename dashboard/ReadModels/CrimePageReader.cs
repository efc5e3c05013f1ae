using Analytics.Dashboard.Charts;
using Analytics.Dashboard.Filters;
using Analytics.Warehouse.Queries;

namespace Analytics.Dashboard.ReadModels;

/// <summary>Reads /crime: the filters checked, its rows from <see cref="CrimePageQueries"/>, its charts from <see cref="CrimeCharts"/>.</summary>
public sealed class CrimePageReader(FilterOptions filters, CrimePageQueries queries, DistrictBoundaries boundaries, ForceAreaBoundaries forceAreas)
{
    public CrimePage Read(DashboardFilter asked)
    {
        var filter = filters.Validate(asked);
        var (type, code, _) = filter.Area;
        var rates = queries.ByArea(filter.ByPartnership ? AreaLevels.Partnership : AreaLevels.District, filter.ForceArea, filter.Year, filter.CrimeType);
        // Partnerships are charted rather than mapped: split districts make them no union of whole shapes.
        var shapes = filter.ByPartnership ? null
            : new MapShapes(boundaries.For(rates.Select(r => r.AreaCode)), boundaries.Centroids, forceAreas.Outline(filter.ForceArea));
        var charts = CrimeCharts.Build(filter,
            queries.Monthly(type, code, filter.Year, filter.CrimeType), queries.ByType(type, code, filter.Year, filter.CrimeType), rates, shapes);
        return new CrimePage(filter, rates, queries.OutsideDistricts(filter.ForceArea, filter.Year, filter.CrimeType), charts);
    }
}
