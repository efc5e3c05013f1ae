using Analytics.Dashboard.Filters;
using Analytics.Dashboard.Records;
using Analytics.Warehouse.Queries;

namespace Analytics.Dashboard.ReadModels;

/// <summary>Reads /records: the filters and listing parameters checked, the count and a page of records from <see cref="RecordListQueries"/>.</summary>
public sealed class RecordsPageReader(FilterOptions filters, RecordListQueries records)
{
    /// <summary>The page of records asked for.</summary>
    public RecordsPage Read(DashboardFilter filter, RecordRequest request) => Read(filter, request, all: false);

    /// <summary>Every record of the listing, for the download, when there are no more than the bound.</summary>
    public RecordsPage ReadAll(DashboardFilter filter, RecordRequest request) => Read(filter, request, all: true);

    private RecordsPage Read(DashboardFilter asked, RecordRequest request, bool all)
    {
        var filter = filters.Validate(asked);
        var listing = CheckedRecordRequest.Check(request, filter, records.Partnerships);
        var counted = new RecordsPage(filter, listing, records.Count(listing.Selection), []);
        if (all) return counted.IsTooManyToDownload ? counted : counted with { Rows = records.Page(listing.Selection, 0, RecordsPage.DownloadLimit) };
        return counted.IsPastTheEnd ? counted
            : counted with { Rows = records.Page(listing.Selection, (long)(listing.Page - 1) * RecordsPage.PageSize, RecordsPage.PageSize) };
    }
}
