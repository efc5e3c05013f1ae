using Dapper;

namespace Analytics.Warehouse.Queries;

/// <summary>Incidents in one month, and in the same month a year earlier: null where that month is not loaded.</summary>
public sealed record CrimeMonthRow(DateTime Month, long RecordedCrimes, long AntiSocialBehaviour, long? RecordedCrimesYearEarlier, long? AntiSocialBehaviourYearEarlier);
public sealed record CrimeTypeRow(string CrimeType, bool IsRecordedCrime, long Incidents, long PositiveOutcomes);

/// <summary>One district or partnership of a force area for a year, from marts.crime_rates_by_area_year.</summary>
/// <param name="Incidents">Incidents of the chosen crime type, or recorded crime (anti-social behaviour apart) when none is chosen.</param>
/// <param name="Rate">Incidents per 1,000 residents a year (a part year scaled to twelve months, as the mart defines it).</param>
/// <param name="AssignmentRule">For a partnership that takes part of a split district: how its records and residents are shared.</param>
public sealed record AreaCrimeRow(
    string AreaCode, string AreaName, long Incidents, double? Rate, double? RateLow, double? RateHigh, bool IsSmallCount,
    long AntiSocialBehaviour, double? AsbRate, long? Population, string? EstimateSource, string? AssignmentRule);

/// <summary>
/// The crime page's figures: recorded crime and anti-social behaviour by month, type and area, read from the area
/// marts. An area is a district, a partnership or the force area as a whole (<see cref="AreaLevels"/>).
/// </summary>
public sealed class CrimePageQueries(IWarehouseReader reader)
{
    /// <summary>
    /// Incidents a month in one area; with a crime type chosen, only that type counts (in whichever column it belongs to).
    /// Beside each month, the same month a year earlier where it is loaded: the area's totals a year earlier repeat on
    /// every row of the month, so they are read once (any_value), never added up, as the mart says.
    /// </summary>
    public IReadOnlyList<CrimeMonthRow> Monthly(string areaType, string areaCode, string year, string? crimeType)
    {
        using var connection = reader.Open();
        return connection.Query<CrimeMonthRow>("""
            SELECT CAST(month AS TIMESTAMP) AS Month,
                   CAST(coalesce(sum(incidents) FILTER (WHERE is_recorded_crime), 0) AS BIGINT) AS RecordedCrimes,
                   CAST(coalesce(sum(incidents) FILTER (WHERE NOT is_recorded_crime), 0) AS BIGINT) AS AntiSocialBehaviour,
                   CASE WHEN any_value(year_earlier_month) IS NOT NULL THEN CAST(CASE WHEN $crime_type IS NULL
                        THEN any_value(area_recorded_crimes_a_year_earlier)
                        ELSE coalesce(sum(year_earlier_incidents) FILTER (WHERE is_recorded_crime), 0) END AS BIGINT) END AS RecordedCrimesYearEarlier,
                   CASE WHEN any_value(year_earlier_month) IS NOT NULL THEN CAST(CASE WHEN $crime_type IS NULL
                        THEN any_value(area_anti_social_behaviour_a_year_earlier)
                        ELSE coalesce(sum(year_earlier_incidents) FILTER (WHERE NOT is_recorded_crime), 0) END AS BIGINT) END AS AntiSocialBehaviourYearEarlier
            FROM marts.crime_by_area_month
            WHERE area_type = $area_type AND area_code = $area_code AND financial_year = $year
              AND ($crime_type IS NULL OR crime_type = $crime_type)
            GROUP BY month ORDER BY month
            """, new { area_type = areaType, area_code = areaCode, year, crime_type = crimeType }).ToList();
    }

    public IReadOnlyList<CrimeTypeRow> ByType(string areaType, string areaCode, string year, string? crimeType)
    {
        using var connection = reader.Open();
        return connection.Query<CrimeTypeRow>("""
            SELECT crime_type AS CrimeType, any_value(is_recorded_crime) AS IsRecordedCrime,
                   CAST(sum(incidents) AS BIGINT) AS Incidents, CAST(sum(positive_outcomes) AS BIGINT) AS PositiveOutcomes
            FROM marts.crime_by_area_month
            WHERE area_type = $area_type AND area_code = $area_code AND financial_year = $year
              AND ($crime_type IS NULL OR crime_type = $crime_type)
            GROUP BY crime_type ORDER BY Incidents DESC, crime_type
            """, new { area_type = areaType, area_code = areaCode, year, crime_type = crimeType }).ToList();
    }

    /// <summary>
    /// Every district (or partnership) of the force area with its count and rate for the year, none left out for
    /// having no incidents, and its anti-social behaviour beside.
    /// </summary>
    public IReadOnlyList<AreaCrimeRow> ByArea(string areaType, string forceArea, string year, string? crimeType)
    {
        using var connection = reader.Open();
        return connection.Query<AreaCrimeRow>("""
            SELECT crime.area_code AS AreaCode, crime.area_name AS AreaName, crime.incidents AS Incidents,
                   crime.incidents_per_1000 AS Rate, crime.incidents_per_1000_ci_low AS RateLow, crime.incidents_per_1000_ci_high AS RateHigh,
                   crime.is_small_count AS IsSmallCount, asb.incidents AS AntiSocialBehaviour, asb.incidents_per_1000 AS AsbRate,
                   crime.population AS Population, crime.population_estimate AS EstimateSource, crime.assignment_rule AS AssignmentRule
            FROM marts.crime_rates_by_area_year AS crime
            JOIN marts.crime_rates_by_area_year AS asb
              ON asb.area_type = crime.area_type AND asb.area_code = crime.area_code AND asb.financial_year = crime.financial_year
             AND NOT asb.is_recorded_crime
            WHERE crime.area_type = $area_type AND crime.force_area_code = $force_area AND crime.financial_year = $year
              AND crime.crime_type = coalesce($crime_type, $all_crime)
            ORDER BY crime.area_name, crime.area_code
            """, new { area_type = areaType, force_area = forceArea, year, crime_type = crimeType, all_crime = AreaLevels.AllRecordedCrime }).ToList();
    }

    /// <summary>Incidents the force published that lie outside its area's districts or have no usable location.</summary>
    public long OutsideDistricts(string forceArea, string year, string? crimeType)
    {
        using var connection = reader.Open();
        return connection.ExecuteScalar<long>("""
            SELECT CAST(coalesce(sum(incidents), 0) AS BIGINT) FROM marts.crime_by_district_month
            WHERE force_code = $force_area AND financial_year = $year AND district_force_area_code <> $force_area
              AND ($crime_type IS NULL OR crime_type = $crime_type)
            """, new { force_area = forceArea, year, crime_type = crimeType });
    }
}
