using Analytics.Warehouse.Queries;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Analytics.Dashboard.ReadModels;

/// <summary>
/// Reads the layout's facts once a page's handler has run (so the footer names the snapshot its figures came from)
/// and hands them to the view, which only shows them. Downloads and redirects need none.
/// </summary>
public sealed class LayoutReader(OperationsQueries operations, PinnedSnapshotReader snapshot) : IPageFilter
{
    public void OnPageHandlerSelected(PageHandlerSelectedContext context)
    {
    }

    public void OnPageHandlerExecuting(PageHandlerExecutingContext context)
    {
    }

    public void OnPageHandlerExecuted(PageHandlerExecutedContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Exception is null && context.Result is PageResult && context.HandlerInstance is PageModel page)
            new LayoutFacts(operations.Status(), snapshot.Snapshot).Into(page.ViewData);
    }
}
