using Analytics.Dashboard.Charts;
using Analytics.Dashboard.Filters;
using Analytics.Dashboard.Records;
using Analytics.Warehouse.Queries;

namespace Analytics.Dashboard.ReadModels;

/// <summary>Everything /records shows: the listing asked for, how many records it holds, and one page of them.</summary>
/// <param name="Total">The number of records behind the figure: the figure itself.</param>
/// <param name="Rows">The page asked for; empty past the end.</param>
public sealed record RecordsPage(ValidatedFilter Filter, CheckedRecordRequest Listing, long Total, IReadOnlyList<ListedRecord> Rows)
{
    public const int PageSize = 100;
    public const int DownloadLimit = 100_000;

    public int Pages => (int)Math.Max(1, (Total + PageSize - 1) / PageSize);
    public bool IsPastTheEnd => Listing.Page > Pages;
    public bool IsTooManyToDownload => Total > DownloadLimit;

    public string Address(int page) => RecordAddress.For(Listing.Selection, page);
    public string DownloadAddress => RecordAddress.For(Listing.Selection, handler: "csv");
    public string DownloadName => $"records-{Listing.Selection.ForceArea}-{Listing.Selection.Year.Replace('/', '-')}.csv";

    /// <summary>The page's records as a table.</summary>
    public DataTable Table => RecordTable.For(Rows);
}
