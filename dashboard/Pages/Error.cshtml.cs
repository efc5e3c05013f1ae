using System.Diagnostics;
using Analytics.Warehouse.Queries;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Analytics.Dashboard.Pages;

/// <summary>What people see when a page fails: a reference to quote, never a stack trace.</summary>
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
[IgnoreAntiforgeryToken]
public sealed partial class ErrorModel(ILogger<ErrorModel> logger) : PageModel
{
    public string Reference { get; private set; } = "";
    public bool NoData { get; private set; }
    /// <summary>Why the warehouse cannot be read (a lost snapshot, an unreadable pointer), in words without server paths.</summary>
    public string? Unreadable { get; private set; }

    public void OnGet()
    {
        Reference = Activity.Current?.Id ?? HttpContext.TraceIdentifier;
        var error = HttpContext.Features.Get<IExceptionHandlerPathFeature>();
        NoData = error?.Error is WarehouseNotPublishedException;
        Unreadable = (error?.Error as WarehouseUnreadableException)?.Message;
        Response.StatusCode = NoData || Unreadable is not null ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status500InternalServerError;
        if (Unreadable is not null) LogUnreadable(logger, error?.Path ?? "", Unreadable);
        else if (error is not null) LogFailure(logger, error.Path, Reference, error.Error);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Page {Path} could not read the warehouse: {Problem}")]
    private static partial void LogUnreadable(ILogger logger, string path, string problem);

    [LoggerMessage(Level = LogLevel.Error, Message = "Page {Path} failed, reference {Reference}")]
    private static partial void LogFailure(ILogger logger, string path, string reference, Exception exception);
}
