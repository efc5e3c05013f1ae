using Analytics.Dashboard.Filters;
using Analytics.Dashboard.ReadModels;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Analytics.Dashboard.Pages;

/// <summary>
/// Where one figure's numbers come from, for the area and year it was shown for: its mart and columns, the models
/// upstream down to the raw tables, the files that fed it and the runs that loaded them, their rejected rows, and
/// the data tests run on the snapshot. What a page shows is warehouse/exposures.yml; the rest is the snapshot's own.
/// </summary>
public sealed class LineageModel(LineagePageReader reader) : PageModel
{
    /// <summary>?page=crime: read from the query itself, as Razor Pages keeps the name "page" for its own route value.</summary>
    public string? AskedPage => Request.Query["page"].FirstOrDefault();
    [BindProperty(SupportsGet = true, Name = "figure")] public string? AskedFigure { get; set; }
    [BindProperty(SupportsGet = true, Name = "code")] public string? AskedCode { get; set; }

    public LineagePage Data { get; private set; } = null!;

    public void OnGet(DashboardFilter filter)
    {
        Data = reader.Read(filter, AskedPage, AskedFigure, AskedCode);
        if (Data.Figure is null) Response.StatusCode = StatusCodes.Status404NotFound;
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
