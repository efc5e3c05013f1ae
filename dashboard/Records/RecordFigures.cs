using Analytics.Warehouse.Queries;

namespace Analytics.Dashboard.Records;

/// <summary>A link from a figure to the records it counts.</summary>
public sealed record RecordLink(string Text, string Href);

/// <summary>
/// Which records a count figure lists, by chart id (and column, for a table whose rows are areas). Whether a figure
/// counts records at all is warehouse/exposures.yml's counts_records (the links are only drawn where it is true);
/// tests/Dashboard/RecordsPageTests.cs follows these links, so a figure that loses its flag fails them. Rates, money and
/// outcome rates count no records of their own.
/// </summary>
public static class RecordFigures
{
    /// <param name="scope">The area, year and crime type the page's figures are for.</param>
    public static IReadOnlyList<RecordLink> For(string chartId, RecordSelection scope)
    {
        var recorded = scope with { CrimeType = null, RecordedCrime = true };
        var antiSocial = scope with { CrimeType = null, RecordedCrime = false };
        var forceArea = scope with { District = null, Partnership = null };
        return chartId switch
        {
            "incidents-by-month" when scope.CrimeType is not null => [Link($"List the {scope.CrimeType} records behind this chart", scope)],
            "incidents-by-month" => [Link("List the recorded crimes behind this chart", recorded), Link("List the anti-social behaviour incidents behind this chart", antiSocial)],
            "incidents-by-type" => [Link("List every record counted in this chart", scope)],
            "crime-rate" when scope.District is not null => [Link("List this district's recorded crimes", recorded)],
            "force-areas-recorded-crime" => [Link("List the chosen force area's recorded crimes", forceArea with { CrimeType = null, RecordedCrime = true })],
            "force-areas-crime-type" when scope.CrimeType is not null => [Link($"List the chosen force area's {scope.CrimeType} records", forceArea)],
            "force-areas-anti-social-behaviour" => [Link("List the chosen force area's anti-social behaviour incidents", forceArea with { CrimeType = null, RecordedCrime = false })],
            "district-peers-recorded-crime" when scope.District is not null => [Link("List the chosen district's recorded crimes", recorded)],
            "district-peers-crime-type" when scope.District is not null && scope.CrimeType is not null => [Link($"List the chosen district's {scope.CrimeType} records", scope)],
            "district-peers-anti-social-behaviour" when scope.District is not null => [Link("List the chosen district's anti-social behaviour incidents", antiSocial)],
            _ => [],
        };
    }

    /// <summary>
    /// A count in one row of the crime page's rate table (a district's or partnership's year), or null for a cell
    /// that counts no records: the recorded crime (or chosen crime type) column and the anti-social behaviour column.
    /// </summary>
    public static string? ForAreaCell(string chartId, string column, RecordSelection scope, string areaCode)
    {
        var area = chartId switch
        {
            "district-rates" => scope with { District = areaCode, Partnership = null },
            "partnership-rates" => scope with { District = null, Partnership = areaCode },
            _ => null,
        };
        return (area, column) switch
        {
            (null, _) => null,
            (_, "incidents") => RecordAddress.For(area.CrimeType is null ? area with { RecordedCrime = true } : area),
            (_, "anti_social_behaviour") => RecordAddress.For(area with { CrimeType = null, RecordedCrime = false }),
            _ => null,
        };
    }

    private static RecordLink Link(string text, RecordSelection selection) => new(text, RecordAddress.For(selection));
}
