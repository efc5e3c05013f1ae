namespace Analytics.Warehouse.Queries;

/// <summary>The area types and the one named crime-type row the area marts define, as the queries bind them.</summary>
public static class AreaLevels
{
    public const string District = "district";
    public const string Partnership = "partnership";
    public const string ForceArea = "force_area";

    /// <summary>marts.crime_rates_by_area_year's row that sums every recorded crime type (anti-social behaviour apart).</summary>
    public const string AllRecordedCrime = "All recorded crime";
}
