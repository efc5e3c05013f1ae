using System.Text.Json.Nodes;

namespace Analytics.Dashboard.Charts;

/// <summary>
/// Plotly draws a subset of HTML in every label (links, bold, line breaks), and labels carry names from the data: a
/// service called <c>&lt;a href=...&gt;</c> would become a link. Every string of a figure is escaped, so Plotly shows
/// it as text; only the line break the charts themselves put between a name and its figure is kept.
/// </summary>
public static class ChartText
{
    private const string LineBreak = "<br>";

    /// <summary>Escapes, in place, every string inside the node.</summary>
    public static void AsText(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject properties:
                foreach (var name in properties.Select(property => property.Key).ToList())
                    if (Escaped(properties[name]) is { } text) properties[name] = text;
                    else AsText(properties[name]);
                break;
            case JsonArray items:
                for (var i = 0; i < items.Count; i++)
                    if (Escaped(items[i]) is { } text) items[i] = text;
                    else AsText(items[i]);
                break;
        }
    }

    private static string? Escaped(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue<string>(out var text) ? Escape(text) : null;

    /// <summary>The text with &amp;, &lt; and &gt; as entities, which Plotly shows as the characters themselves.</summary>
    public static string Escape(string text) =>
        text.IndexOfAny(['&', '<', '>']) < 0
            ? text
            : text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal)
                .Replace(">", "&gt;", StringComparison.Ordinal).Replace("&lt;br&gt;", LineBreak, StringComparison.Ordinal);
}
