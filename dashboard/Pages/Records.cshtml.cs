using Analytics.Dashboard.Charts;
using Analytics.Dashboard.Filters;
using Analytics.Dashboard.ReadModels;
using Analytics.Dashboard.Records;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Analytics.Dashboard.Pages;

/// <summary>
/// The records behind a count: how many there are (the figure the link came from), a page of them at a time, and
/// all of them as CSV up to a bound, so that no request can ask for millions of rows.
/// </summary>
public sealed class RecordsModel(RecordsPageReader reader) : PageModel
{
    public RecordsPage Data { get; private set; } = null!;

    public void OnGet(DashboardFilter filter, RecordRequest request) => Data = reader.Read(filter, request);

    public IActionResult OnGetCsv(DashboardFilter filter, RecordRequest request)
    {
        Data = reader.ReadAll(filter, request);
        // Beyond the bound the page says to narrow the filters instead of sending the file.
        return Data.IsTooManyToDownload ? Page() : File(CsvFile.For(RecordTable.For(Data.Rows)), "text/csv; charset=utf-8", Data.DownloadName);
    }
}
