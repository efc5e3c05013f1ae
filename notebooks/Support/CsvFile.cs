using System.Globalization;
using System.Text;
using Microsoft.Data.Analysis;

namespace Analytics.Notebooks;

/// <summary>A DataFrame as CSV (RFC 4180: a value with a comma, quote or line break is quoted), invariant culture.</summary>
public static class CsvFile
{
    public static void Write(DataFrame frame, string path)
    {
        ArgumentNullException.ThrowIfNull(frame);
        var text = new StringBuilder();
        text.AppendJoin(',', frame.Columns.Select(column => Quote(column.Name))).Append('\n');
        foreach (var row in frame.Rows)
            text.AppendJoin(',', row.Select(value => Quote(Format(value)))).Append('\n');
        File.WriteAllText(path, text.ToString(), new UTF8Encoding(false));
    }

    public static string Format(object? value) => value switch
    {
        null => "",
        double number when double.IsNaN(number) || double.IsInfinity(number) => "",
        double number => number.ToString("R", CultureInfo.InvariantCulture),
        DateTime date => date.TimeOfDay == TimeSpan.Zero ? date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : date.ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture),
        bool flag => flag ? "true" : "false",
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    private static string Quote(string value) =>
        value.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
}
