namespace Analytics.Dashboard.Charts;

/// <summary>Colours for charts: GOV.UK's palette, chosen to stay apart for colour-blind readers and in print.</summary>
public static class ChartStyle
{
    public const string Blue = "#1d70b8";
    public const string Orange = "#f47738";
    public const string Green = "#00703c";
    public const string Purple = "#4c2c92";
    public const string Grey = "#505a5f";
    public const string Red = "#d4351c";
    public const string Turquoise = "#28a197";
    public const string Pink = "#d53880";
    public static readonly string[] Sequence = [Blue, Orange, Green, Purple, Grey, Turquoise, Pink, Red];

    public const string PoliceSource = "data.police.uk street-level crime (Open Government Licence v3.0)";
    public const string FundingSource = "funding returns; figures marked illustrative are not published";
    public const string PopulationSource = "ONS mid-year population estimates";
}
