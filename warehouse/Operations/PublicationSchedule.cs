using System.Globalization;

namespace Analytics.Warehouse.Operations;

/// <summary>
/// When publishers put out each period, so that the product can say which sources are behind:
/// data.police.uk publishes a month's street and outcomes files within about two months of its end (taken as 60
/// days); ONS publishes mid-year population estimates by the end of July the following year.
/// </summary>
public static class PublicationSchedule
{
    public const int PoliceLagDays = 60;

    /// <returns>The latest period that should be out by <paramref name="today"/>, and since when the period after
    /// <paramref name="latest"/> has been due if it is missing; (null, null) for sources without a schedule.</returns>
    public static (string? Expected, DateOnly? StaleSince) Assess(string sourceKind, string? latest, DateOnly today) => sourceKind switch
    {
        "police_street" or "police_outcomes" => Monthly(latest, today),
        "ons_population" or "ons_population_series" => Yearly(latest, today),
        _ => (null, null),
    };

    private static (string?, DateOnly?) Monthly(string? latest, DateOnly today)
    {
        var expected = FirstOfMonth(today.AddDays(-PoliceLagDays)).AddMonths(-1);
        if (!DateOnly.TryParseExact(latest + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var latestMonth)) return (Month(expected), null);
        // Month M is due PoliceLagDays after it ends, i.e. after the first day of M + 1.
        var nextDue = latestMonth.AddMonths(2).AddDays(PoliceLagDays);
        return (Month(expected), latestMonth < expected ? nextDue : null);
    }

    private static (string?, DateOnly?) Yearly(string? latest, DateOnly today)
    {
        var expected = today >= new DateOnly(today.Year, 8, 1) ? today.Year - 1 : today.Year - 2;
        if (!int.TryParse(latest, CultureInfo.InvariantCulture, out var latestYear)) return (expected.ToString(CultureInfo.InvariantCulture), null);
        return (expected.ToString(CultureInfo.InvariantCulture), latestYear < expected ? new DateOnly(latestYear + 2, 8, 1) : null);
    }

    private static DateOnly FirstOfMonth(DateOnly day) => new(day.Year, day.Month, 1);
    private static string Month(DateOnly month) => month.ToString("yyyy-MM", CultureInfo.InvariantCulture);
}
