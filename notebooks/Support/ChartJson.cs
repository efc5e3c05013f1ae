using System.Text.Json.Nodes;
using Microsoft.FSharp.Core;
using Plotly.NET;
using Plotly.NET.TraceObjects;

namespace Analytics.Notebooks;

/// <summary>Plotly.NET charts made ready for a report: the figure JSON, and 95% intervals as error bars.</summary>
public static class ChartJson
{
    public static readonly string[] Colours = ["#1d70b8", "#f47738", "#00703c", "#4c2c92", "#505a5f", "#28a197", "#d53880", "#d4351c"];

    /// <summary>
    /// The figure as JSON for Plotly.newPlot, sized by the page rather than by Plotly.NET's defaults. The report gives
    /// every chart one config (no logo, no links to Plotly's cloud) and the page's font.
    /// </summary>
    public static string For(GenericChart chart)
    {
        var figure = JsonNode.Parse(GenericChart.toJson(chart))!.AsObject();
        if (figure["layout"] is JsonObject layout)
        {
            foreach (var fixedSize in new[] { "width", "height" }) layout.Remove(fixedSize);
            layout["margin"] ??= new JsonObject { ["l"] = 60, ["r"] = 20, ["t"] = 30, ["b"] = 60 };
        }
        return figure.ToJsonString().Replace("</", "<\\/", StringComparison.Ordinal);
    }

    /// <summary>Vertical error bars from each point's interval (Plotly wants distances from the point, not the ends).</summary>
    public static GenericChart WithIntervals(GenericChart chart, double[] values, double[] low, double[] high)
    {
        ArgumentNullException.ThrowIfNull(values);
        var above = values.Select((v, i) => Math.Max(0, high[i] - v)).ToArray();
        var below = values.Select((v, i) => Math.Max(0, v - low[i])).ToArray();
        var error = Error.init<double, double>(
            null, FSharpOption<StyleParam.ErrorType>.Some(StyleParam.ErrorType.Data), FSharpOption<bool>.Some(false),
            FSharpOption<IEnumerable<double>>.Some(above), FSharpOption<IEnumerable<double>>.Some(below),
            null, null, null, null, null, null, null, FSharpOption<Color>.Some(Color.fromHex("#505a5f")), null, null);
        return Plotly.NET.Chart.withYError(error).Invoke(chart);
    }
}
