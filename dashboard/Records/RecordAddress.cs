using System.Globalization;
using Analytics.Warehouse.Queries;

namespace Analytics.Dashboard.Records;

/// <summary>The address of the listing of a selection's records: /records with every filter in the query string.</summary>
public static class RecordAddress
{
    public const string RecordedCrime = "recorded-crime";
    public const string AntiSocialBehaviour = "anti-social-behaviour";

    /// <summary>The kind parameter for recorded crime only (true), anti-social behaviour only (false), or neither.</summary>
    public static string? Kind(bool? recordedCrime) => recordedCrime switch { true => RecordedCrime, false => AntiSocialBehaviour, null => null };

    /// <param name="handler">csv for the download of the same records.</param>
    public static string For(RecordSelection selection, int? page = null, string? handler = null)
    {
        var pairs = new List<(string Name, string? Value)>
        {
            ("area", selection.ForceArea), ("year", selection.Year), ("district", selection.District),
            ("partnership", selection.Partnership), ("crime", selection.CrimeType),
            ("kind", Kind(selection.RecordedCrime)),
            ("month", selection.Month?.ToString("yyyy-MM", CultureInfo.InvariantCulture)),
            ("page", page?.ToString(CultureInfo.InvariantCulture)), ("handler", handler),
        };
        return "/records?" + string.Join("&", pairs.Where(pair => pair.Value is not null)
            .Select(pair => pair.Name + "=" + Uri.EscapeDataString(pair.Value!)));
    }
}
