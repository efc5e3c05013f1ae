using Analytics.Dashboard.Filters;
using Analytics.Warehouse.Lineage;
using Analytics.Warehouse.Queries;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Analytics.Dashboard.Pages;

/// <summary>
/// Where one figure's numbers come from, for the area and year it was shown for: its mart and columns, the models
/// upstream down to the raw tables, the files that fed it and the runs that loaded them, their rejected rows, and
/// the data tests run on the snapshot. What a page shows is warehouse/exposures.yml; the rest is the snapshot's own.
/// </summary>
public sealed class LineageModel(LineageQueries lineage, FilterOptions filters) : PageModel
{
    /// <summary>Rejected rows listed; the count says how many there are in all.</summary>
    public const int RejectLimit = 20;

    /// <summary>?page=crime: read from the query itself, as Razor Pages keeps the name "page" for its own route value.</summary>
    public string? AskedPage => Request.Query["page"].FirstOrDefault();
    [BindProperty(SupportsGet = true, Name = "figure")] public string? AskedFigure { get; set; }
    [BindProperty(SupportsGet = true, Name = "code")] public string? AskedCode { get; set; }

    public Exposure? Exposure { get; private set; }
    public ExposedFigure? Figure { get; private set; }
    public ValidatedFilter Filter { get; private set; } = null!;
    public FigureLineage Lineage { get; private set; } = FigureLineage.NotRecorded;

    /// <summary>The runs that loaded the files, newest first.</summary>
    public IEnumerable<IGrouping<string, LineageFile>> Runs =>
        Lineage.Files.GroupBy(file => file.RunId).OrderByDescending(run => run.First().RunStartedAt ?? DateTime.MinValue);

    public void OnGet(DashboardFilter filter)
    {
        Filter = filters.Validate(filter);
        Exposure = Exposures.Page(AskedPage);
        Figure = string.IsNullOrWhiteSpace(AskedFigure) ? null : Exposure?.Figure(AskedFigure.Trim());
        if (Figure is null)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }
        Lineage = lineage.For(Figure.Mart, Filter.ForceArea, Figure.AcrossForceAreas, RejectLimit);
    }

    /// <summary>The figure's own page with the same filters, a district's page with its code.</summary>
    public string FigurePage
    {
        get
        {
            var route = Exposure!.Route;
            if (route.Contains("{code}", StringComparison.Ordinal))
                route = route.Replace("{code}", Uri.EscapeDataString(AskedCode?.Trim() ?? ""), StringComparison.Ordinal);
            return route + Filter.Query() + "#" + Uri.EscapeDataString(AskedFigure!.Trim()) + "-title";
        }
    }

    /// <summary>A file as the ETL was given it, with any server folders left out of an absolute path.</summary>
    public static string Shown(string sourcePath)
    {
        var inside = sourcePath.IndexOf('!', StringComparison.Ordinal);
        var outer = inside < 0 ? sourcePath : sourcePath[..inside];
        if (Path.IsPathRooted(outer) || outer.StartsWith("..", StringComparison.Ordinal)) outer = Path.GetFileName(outer);
        return inside < 0 ? outer : outer + sourcePath[inside..];
    }

    public static string Size(long bytes) =>
        bytes >= 1 << 20 ? (bytes / 1048576.0).ToString("N1", System.Globalization.CultureInfo.InvariantCulture) + " MB"
        : bytes >= 1 << 10 ? (bytes / 1024.0).ToString("N0", System.Globalization.CultureInfo.InvariantCulture) + " KB"
        : bytes.ToString(System.Globalization.CultureInfo.InvariantCulture) + " bytes";

    public static string Layer(string model) => model[..model.IndexOf('.', StringComparison.Ordinal)];
}
