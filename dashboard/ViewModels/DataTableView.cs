using Analytics.Dashboard.Charts;
using Analytics.Dashboard.Formatting;

namespace Analytics.Dashboard.ViewModels;

/// <summary>A table with its caption, and how each kind of value is shown.</summary>
public sealed record DataTableView(string Caption, DataTable Table)
{
    public static string Show(object? value, ColumnFormat format) => value switch
    {
        null => "–",
        _ => format switch
        {
            ColumnFormat.Count => Format.Count(Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture)),
            ColumnFormat.Money => Format.Money(Convert.ToDecimal(value, System.Globalization.CultureInfo.InvariantCulture)),
            ColumnFormat.MoneyExact => Format.MoneyExact(Convert.ToDecimal(value, System.Globalization.CultureInfo.InvariantCulture)),
            ColumnFormat.Rate => Format.Rate(Convert.ToDouble(value, System.Globalization.CultureInfo.InvariantCulture)),
            ColumnFormat.Percent => Format.Percent(Convert.ToDouble(value, System.Globalization.CultureInfo.InvariantCulture)),
            ColumnFormat.Month => value is DateTime month ? Format.Month(month) : value.ToString()!,
            ColumnFormat.Number => Convert.ToDouble(value, System.Globalization.CultureInfo.InvariantCulture).ToString("N2", System.Globalization.CultureInfo.InvariantCulture),
            _ => value.ToString()!,
        },
    };

    public static bool IsNumeric(ColumnFormat format) => format is not (ColumnFormat.Text or ColumnFormat.Month);
}
