using Analytics.Dashboard.Filters;
using Analytics.Warehouse.Lineage;
using Analytics.Warehouse.Queries;

namespace Analytics.Dashboard.ReadModels;

/// <summary>Reads /lineage: the figure from warehouse/exposures.yml, its lineage in the snapshot from <see cref="LineageQueries"/>.</summary>
public sealed class LineagePageReader(FilterOptions filters, LineageQueries lineage)
{
    public LineagePage Read(DashboardFilter asked, string? page, string? figureId, string? code)
    {
        var filter = filters.Validate(asked);
        var exposure = Exposures.Page(page);
        var figure = string.IsNullOrWhiteSpace(figureId) ? null : exposure?.Figure(figureId.Trim());
        var found = figure is null ? FigureLineage.NotRecorded
            : lineage.For(figure.Mart, filter.ForceArea, figure.AcrossForceAreas, LineagePage.RejectLimit);
        return new LineagePage(filter, page, figureId, code, exposure, figure, found);
    }
}
