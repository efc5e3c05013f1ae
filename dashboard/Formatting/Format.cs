using System.Globalization;

namespace Analytics.Dashboard.Formatting;

/// <summary>Numbers as people read them: £1,234,567, 1,234, 12.3 per 1,000, 12.3%.</summary>
public static class Format
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static string Money(decimal? value) => value is null ? "–" : value < 0 ? "−£" + Math.Abs(value.Value).ToString("N0", Invariant) : "£" + value.Value.ToString("N0", Invariant);
    public static string MoneyExact(decimal? value) => value is null ? "–" : (value < 0 ? "−£" : "£") + Math.Abs(value.Value).ToString("N2", Invariant);
    public static string Count(long? value) => value is null ? "–" : value.Value.ToString("N0", Invariant);
    public static string Rate(double? value) => value is null || double.IsNaN(value.Value) ? "–" : value.Value.ToString("N1", Invariant);
    public static string Percent(double? proportion) => proportion is null || double.IsNaN(proportion.Value) ? "–" : (proportion.Value * 100).ToString("N1", Invariant) + "%";
    public static string Month(DateTime month) => month.ToString("MMMM yyyy", Invariant);
    public static string UtcTime(DateTimeOffset at) => at.UtcDateTime.ToString("d MMM yyyy HH:mm", Invariant) + " UTC";
}
