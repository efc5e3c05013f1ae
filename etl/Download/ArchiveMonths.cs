using System.Globalization;

namespace Analytics.Etl.Download;

/// <summary>Months as data.police.uk writes them (YYYY-MM): in that form they sort in time order as text.</summary>
internal static class ArchiveMonths
{
    /// <summary>Newest first: last month, the month before, ... (this month's archive cannot exist yet).</summary>
    public static IEnumerable<string> BackFrom(DateOnly today, int count)
    {
        var month = new DateOnly(today.Year, today.Month, 1);
        for (var step = 1; step <= count; step++) yield return Format(month.AddMonths(-step));
    }

    public static bool IsMonth(string? text) =>
        DateOnly.TryParseExact(text + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _);

    public static bool IsAfter(string month, string? other) => other is null || string.CompareOrdinal(month, other) > 0;

    private static string Format(DateOnly month) => month.ToString("yyyy-MM", CultureInfo.InvariantCulture);
}
