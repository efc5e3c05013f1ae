using Analytics.Dashboard.Charts;
using Analytics.Dashboard.Filters;
using Analytics.Dashboard.Records;
using Analytics.Warehouse.Queries;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Analytics.Dashboard.Pages;

/// <summary>
/// The records behind a count: how many there are (the figure the link came from), a page of them at a time, and
/// all of them as CSV up to a bound, so that no request can ask for millions of rows.
/// </summary>
public sealed class RecordsModel(RecordListQueries records, FilterOptions filters) : PageModel
{
    public const int PageSize = 100;
    public const int DownloadLimit = 100_000;

    public FilterOptions FilterOptions { get; } = filters;
    public ValidatedFilter Filter { get; private set; } = null!;
    public CheckedRecordRequest Listing { get; private set; } = null!;
    public long Total { get; private set; }
    public int Pages => (int)Math.Max(1, (Total + PageSize - 1) / PageSize);
    public bool IsPastTheEnd => Listing.Page > Pages;
    public IReadOnlyList<ListedRecord> Rows { get; private set; } = [];
    public bool IsTooManyToDownload => Total > DownloadLimit;

    public void OnGet(DashboardFilter filter, RecordRequest request)
    {
        Load(filter, request);
        if (!IsPastTheEnd) Rows = records.Page(Listing.Selection, (long)(Listing.Page - 1) * PageSize, PageSize);
    }

    public IActionResult OnGetCsv(DashboardFilter filter, RecordRequest request)
    {
        Load(filter, request);
        // Beyond the bound the page says to narrow the filters instead of sending the file.
        if (IsTooManyToDownload) return Page();
        var rows = records.Page(Listing.Selection, 0, DownloadLimit);
        var name = $"records-{Listing.Selection.ForceArea}-{Listing.Selection.Year.Replace('/', '-')}.csv";
        return File(CsvFile.For(Table(rows)), "text/csv; charset=utf-8", name);
    }

    public string Address(int page) => RecordAddress.For(Listing.Selection, page);
    public string DownloadAddress => RecordAddress.For(Listing.Selection, handler: "csv");

    /// <summary>The records as the download holds them: each field as published, with the file and line it came from.</summary>
    public static DataTable Table(IReadOnlyList<ListedRecord> rows) => new(
        [new("crime_id", "Crime ID"), new("month", "Month"), new("location", "Location"), new("lsoa_code", "LSOA code"),
         new("lsoa_name", "LSOA name"), new("crime_type", "Crime type"), new("last_outcome", "Last outcome"),
         new("source_file", "Source file"), new("source_line", "Line")],
        rows.Select(r => (IReadOnlyList<object?>)[r.CrimeId, r.Month.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture),
            r.Location, r.LsoaCode, r.LsoaName, r.CrimeType, r.LastOutcome, r.SourcePath, r.SourceLineNumber]).ToList());

    private void Load(DashboardFilter filter, RecordRequest request)
    {
        Filter = FilterOptions.Validate(filter);
        Listing = CheckedRecordRequest.Check(request, Filter, records.Partnerships);
        Total = records.Count(Listing.Selection);
    }
}
