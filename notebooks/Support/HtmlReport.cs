using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.Data.Analysis;
using Plotly.NET;

namespace Analytics.Notebooks;

/// <summary>
/// A report in one HTML file: headings, the story in short paragraphs, each chart beside its table, and a footer
/// naming the sources and the snapshot. plotly.js is embedded in the file, so it opens offline and asks no host
/// for anything (its Content-Security-Policy forbids it).
/// </summary>
public sealed class HtmlReport(string title)
{
    /// <summary>Tables show at most this many rows; the CSV holds them all.</summary>
    public const int TableRows = 60;

    private readonly StringBuilder body = new();
    private readonly List<(string Id, string Json)> charts = [];
    private readonly List<string> sources = [];

    public string Title { get; } = title;

    public void Heading(string text) => body.Append("<h2>").Append(Encode(text)).Append("</h2>\n");

    public void Paragraph(string text) => body.Append("<p>").Append(Encode(text)).Append("</p>\n");

    public void Source(string text)
    {
        if (!sources.Contains(text)) sources.Add(text);
    }

    public void Chart(GenericChart chart, string description, DataFrame table, string csvName)
    {
        var id = $"chart-{charts.Count + 1}";
        charts.Add((id, ChartJson.For(chart)));
        body.Append("<div class=\"figure\">\n<div class=\"chart\" id=\"").Append(id).Append("\" role=\"img\" aria-label=\"").Append(Encode(description))
            .Append(". The table beside it holds the same figures.\"></div>\n");
        AppendTable(table, description, csvName);
        body.Append("</div>\n");
    }

    public void Table(DataFrame table, string description, string csvName) => AppendTable(table, description, csvName);

    private void AppendTable(DataFrame table, string description, string csvName)
    {
        body.Append("<div class=\"table\"><table><caption>").Append(Encode(description)).Append(" (all rows in <a href=\"")
            .Append(Encode(csvName)).Append("\">").Append(Encode(csvName)).Append("</a>)</caption>\n<thead><tr>");
        foreach (var column in table.Columns) body.Append("<th scope=\"col\">").Append(Encode(column.Name.Replace('_', ' '))).Append("</th>");
        body.Append("</tr></thead>\n<tbody>\n");
        foreach (var row in table.Rows.Take(TableRows))
        {
            body.Append("<tr>");
            foreach (var value in row)
                body.Append(value is double or long or int or decimal ? "<td class=\"n\">" : "<td>").Append(Encode(Display(value))).Append("</td>");
            body.Append("</tr>\n");
        }
        body.Append("</tbody></table>");
        if (table.Rows.Count > TableRows) body.Append("<p class=\"note\">First ").Append(TableRows).Append(" of ").Append(table.Rows.Count).Append(" rows; the CSV holds them all.</p>");
        body.Append("</div>\n");
    }

    public static string Display(object? value) => value switch
    {
        null => "",
        double number when double.IsNaN(number) || double.IsInfinity(number) => "",
        double number => number.ToString(Math.Abs(number) >= 100 ? "#,##0" : "#,##0.###", CultureInfo.InvariantCulture),
        long number => number.ToString("#,##0", CultureInfo.InvariantCulture),
        DateTime date when date.Day == 1 && date.TimeOfDay == TimeSpan.Zero => date.ToString("MMM yyyy", CultureInfo.InvariantCulture),
        DateTime date => date.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
        bool flag => flag ? "yes" : "no",
        _ => value.ToString() ?? "",
    };

    /// <param name="plotlyScript">plotly.min.js, embedded as it is.</param>
    /// <param name="provenance">Lines for the footer: snapshot, warehouse, when the report was made.</param>
    public string Render(string plotlyScript, IEnumerable<string> provenance)
    {
        ArgumentNullException.ThrowIfNull(plotlyScript);
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data: blob:; font-src data:\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>").Append(Encode(Title)).Append("</title>\n<style>\n")
            .Append(Style).Append("</style>\n<script>\n").Append(plotlyScript.Replace("</script", "<\\/script", StringComparison.OrdinalIgnoreCase)).Append("\n</script>\n</head>\n<body>\n<main>\n<h1>")
            .Append(Encode(Title)).Append("</h1>\n").Append(body).Append("</main>\n<footer>\n<h2>Sources and snapshot</h2>\n<ul>\n");
        foreach (var line in sources.Concat(provenance)) html.Append("<li>").Append(Encode(line)).Append("</li>\n");
        html.Append("</ul>\n</footer>\n<script>\n").Append(PlotConfig);
        foreach (var (id, json) in charts)
            html.Append("(function () { var f = ").Append(json).Append("; Plotly.newPlot('").Append(id).Append("', f.data, Object.assign(f.layout, layout), config); })();\n");
        return html.Append("</script>\n</body>\n</html>\n").ToString();
    }

    /// <summary>One config and font for every chart: responsive, without Plotly's logo or links to its cloud editor.</summary>
    private const string PlotConfig = """
        var config = { responsive: true, displaylogo: false, showLink: false, modeBarButtonsToRemove: ['sendDataToCloud', 'lasso2d', 'select2d'] };
        var layout = { autosize: true, font: { family: 'system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif', size: 13, color: '#0b0c0c' } };

        """;

    private static string Encode(string text) => WebUtility.HtmlEncode(text);

    private const string Style = """
        body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; color: #0b0c0c; margin: 0 auto; max-width: 1200px; padding: 1rem; line-height: 1.45; }
        h1 { font-size: 1.8rem; } h2 { font-size: 1.35rem; margin-top: 2rem; border-top: 1px solid #b1b4b6; padding-top: 1rem; }
        .figure { display: flex; flex-wrap: wrap; gap: 1rem; align-items: flex-start; }
        .chart { flex: 3 1 560px; min-height: 420px; }
        .table { flex: 2 1 360px; overflow-x: auto; max-height: 520px; overflow-y: auto; }
        table { border-collapse: collapse; font-size: 0.85rem; } caption { text-align: left; font-weight: 600; padding-bottom: 0.4rem; }
        th, td { border-bottom: 1px solid #b1b4b6; padding: 0.2rem 0.5rem; text-align: left; vertical-align: top; } td.n { text-align: right; font-variant-numeric: tabular-nums; }
        a { color: #1d70b8; } .note { color: #505a5f; font-size: 0.85rem; }
        footer { border-top: 2px solid #0b0c0c; margin-top: 2rem; font-size: 0.9rem; }

        """;
}
