using System.Globalization;
using System.Text;

namespace Analytics.Dashboard.Charts;

/// <summary>
/// A chart's data as CSV: the same rows as its table, with machine-readable values (no £ or commas). Text that a
/// spreadsheet would run as a formula (starting =, +, -, @, tab or carriage return, as a funder's name could) is
/// defused with a leading apostrophe, as spreadsheet guidance recommends; numbers are never changed.
/// </summary>
public static class CsvFile
{
    public static byte[] For(DataTable table)
    {
        var text = new StringBuilder();
        text.AppendLine(string.Join(",", table.Columns.Select(column => Escape(column.Name))));
        foreach (var row in table.Rows)
            text.AppendLine(string.Join(",", row.Select(Value)));
        return new UTF8Encoding(false).GetBytes(text.ToString());
    }

    private static string Value(object? value) => value switch
    {
        null => "",
        DateTime date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        IFormattable number => Escape(number.ToString(null, CultureInfo.InvariantCulture)),
        _ => Escape(Defused(value.ToString() ?? "")),
    };

    private static string Defused(string text) =>
        text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + text : text;

    private static string Escape(string text) =>
        text.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + text.Replace("\"", "\"\"") + "\"" : text;
}
