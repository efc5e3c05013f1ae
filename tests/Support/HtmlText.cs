using System.Net;
using System.Text.RegularExpressions;

namespace Analytics.Tests.Support;

/// <summary>Reads what a page says: text without markup, and the cells of its tables.</summary>
public static partial class HtmlText
{
    public static string Text(string html) => WebUtility.HtmlDecode(Whitespace().Replace(Tags().Replace(Scripts().Replace(html, " "), " "), " ")).Trim();

    /// <summary>The rows of the table whose caption contains the text, each as its cells' text.</summary>
    public static List<List<string>> Table(string html, string caption)
    {
        var table = Tables().Matches(html).FirstOrDefault(m => Text(m.Groups["caption"].Value).Contains(caption, StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"No table captioned '{caption}'");
        return Rows().Matches(table.Groups["body"].Value)
            .Select(row => Cells().Matches(row.Value).Select(cell => Text(cell.Groups[1].Value)).ToList())
            .ToList();
    }

    /// <summary>A chart's Plotly figure as the page carries it (its JSON island), and the island's raw text.</summary>
    public static (System.Text.Json.Nodes.JsonNode Figure, string Json) Chart(string html, string chartId)
    {
        var json = Island().Matches(html).Single(m => m.Groups["id"].Value == chartId).Groups["json"].Value;
        return (System.Text.Json.Nodes.JsonNode.Parse(json.Replace("<\\/", "</", StringComparison.Ordinal))!, json);
    }

    /// <summary>The run id the page footer names as the snapshot its figures come from, or null when it names none.</summary>
    public static string? SnapshotRun(string html) => SnapshotRunAttribute().Match(html) is { Success: true } match ? WebUtility.HtmlDecode(match.Groups[1].Value) : null;

    [GeneratedRegex("<script type=\"application/json\" data-chart-for=\"(?<id>[^\"]+)\"[^>]*>(?<json>.*?)</script>", RegexOptions.Singleline)] private static partial Regex Island();
    [GeneratedRegex(@"data-snapshot-run=""([^""]*)""")] private static partial Regex SnapshotRunAttribute();
    [GeneratedRegex(@"<script\b[^>]*>.*?</script>", RegexOptions.Singleline)] private static partial Regex Scripts();
    [GeneratedRegex(@"<[^>]+>")] private static partial Regex Tags();
    [GeneratedRegex(@"\s+")] private static partial Regex Whitespace();
    [GeneratedRegex(@"<table\b.*?<caption[^>]*>(?<caption>.*?)</caption>.*?<tbody>(?<body>.*?)</tbody>", RegexOptions.Singleline)] private static partial Regex Tables();
    [GeneratedRegex(@"<tr\b.*?</tr>", RegexOptions.Singleline)] private static partial Regex Rows();
    [GeneratedRegex(@"<t[hd]\b[^>]*>(.*?)</t[hd]>", RegexOptions.Singleline)] private static partial Regex Cells();
}
