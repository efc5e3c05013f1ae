using System.Text.Json.Nodes;
using Plotly.NET;

namespace Analytics.Dashboard.Charts;

/// <summary>
/// The figure JSON a chart is drawn from: Plotly.NET's own JSON, made responsive, in the page's fonts, without
/// Plotly's logo or links to its cloud editor.
/// </summary>
public static class ChartJson
{
    public static string For(GenericChart chart)
    {
        var figure = JsonNode.Parse(GenericChart.toJson(chart))!.AsObject();
        ChartText.AsText(figure["data"]);
        ChartText.AsText(figure["layout"]);
        var layout = figure["layout"]?.AsObject() ?? [];
        layout.Remove("width");
        layout.Remove("height");
        layout["autosize"] = true;
        layout["font"] = new JsonObject { ["family"] = "system-ui, -apple-system, \"Segoe UI\", Roboto, Arial, sans-serif", ["size"] = 14, ["color"] = "#0b0c0c" };
        // A legend in a row above the plot leaves the plot the full width, which a phone screen needs.
        layout["legend"] ??= new JsonObject { ["orientation"] = "h", ["x"] = 0, ["xanchor"] = "left", ["y"] = 1.02, ["yanchor"] = "bottom" };
        layout["margin"] ??= new JsonObject { ["l"] = 60, ["r"] = 20, ["t"] = 30, ["b"] = 60 };
        layout["paper_bgcolor"] = "#ffffff";
        layout["plot_bgcolor"] = "#ffffff";
        // Bars and lines of counts, money and rates start at zero, so heights compare honestly; a cloud of points
        // keeps plotly's own range, so its spread stays visible.
        var pointsOnly = figure["data"] is JsonArray traces && traces.Any(trace =>
            trace?["type"]?.GetValue<string>() == "scatter" && trace["mode"]?.GetValue<string>() is { } mode && !mode.Contains("lines", StringComparison.Ordinal));
        if (!pointsOnly && layout["yaxis"] is JsonObject yaxis && yaxis["range"] is null && yaxis["rangemode"] is null) yaxis["rangemode"] = "tozero";
        figure["layout"] = layout;
        figure["config"] = new JsonObject
        {
            ["responsive"] = true,
            ["displaylogo"] = false,
            ["showLink"] = false,
            ["showEditInChartStudio"] = false,
            ["modeBarButtonsToRemove"] = new JsonArray("sendDataToCloud", "lasso2d", "select2d"),
            // Should plotly.js ever want base-map data, it asks the dashboard, never another host.
            ["topojsonURL"] = "/lib/plotly/topojson/",
        };
        // Keep "</script>" out of the page's JSON island.
        return figure.ToJsonString().Replace("</", "<\\/", StringComparison.Ordinal);
    }
}
