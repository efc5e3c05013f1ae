using Plotly.NET;

namespace Analytics.Dashboard.Charts;

/// <summary>Plotly objects built by property name, for the parts of plotly.js that Plotly.NET's typed API does not reach.</summary>
internal static class PlotlyObject
{
    public static DynamicObj.DynamicObj With(params (string Name, object Value)[] properties) => With<DynamicObj.DynamicObj>(properties);

    public static T With<T>(params (string Name, object Value)[] properties) where T : DynamicObj.DynamicObj, new()
    {
        var result = new T();
        foreach (var (name, value) in properties) result.SetProperty(name, value);
        return result;
    }
}
