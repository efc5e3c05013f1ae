using Analytics.Dashboard.Filters;

namespace Analytics.Dashboard.ViewModels;

/// <summary>The shareable address of a figure's lineage page: /lineage?page=crime&amp;figure=incidents-by-month&amp;year=2025/26.</summary>
public static class LineageAddress
{
    /// <param name="code">The district of a district's page, which its route holds rather than its filters.</param>
    public static string For(string page, string figure, ValidatedFilter? filter, string? code = null)
    {
        var address = "/lineage?page=" + Uri.EscapeDataString(page) + "&figure=" + Uri.EscapeDataString(figure);
        if (filter is not null) address += "&" + filter.Query().TrimStart('?');
        if (!string.IsNullOrWhiteSpace(code)) address += "&code=" + Uri.EscapeDataString(code);
        return address;
    }
}
