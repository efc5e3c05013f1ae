using Analytics.Dashboard.Filters;
using Analytics.Warehouse.Lineage;
using Analytics.Warehouse.Queries;

namespace Analytics.Dashboard.ReadModels;

/// <summary>
/// Everything /lineage shows for one figure: the page and figure asked for (null when unknown), the filters it was
/// shown with, and its lineage in the published snapshot.
/// </summary>
/// <param name="Code">The district of a district page's figure, as its address had it.</param>
public sealed record LineagePage(ValidatedFilter Filter, string? AskedPage, string? AskedFigure, string? Code,
    Exposure? Exposure, ExposedFigure? Figure, FigureLineage Lineage)
{
    /// <summary>Rejected rows listed; the count says how many there are in all.</summary>
    public const int RejectLimit = 20;

    /// <summary>The runs that loaded the files, newest first.</summary>
    public IEnumerable<IGrouping<string, LineageFile>> Runs =>
        Lineage.Files.GroupBy(file => file.RunId).OrderByDescending(run => run.First().RunStartedAt ?? DateTime.MinValue);

    /// <summary>The figure's own page with the same filters, a district's page with its code.</summary>
    public string FigurePage
    {
        get
        {
            var route = Exposure!.Route;
            if (route.Contains("{code}", StringComparison.Ordinal))
                route = route.Replace("{code}", Uri.EscapeDataString(Code?.Trim() ?? ""), StringComparison.Ordinal);
            return route + Filter.Query() + "#" + Uri.EscapeDataString(AskedFigure!.Trim()) + "-title";
        }
    }
}
