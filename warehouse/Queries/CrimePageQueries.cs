using Dapper;

namespace Analytics.Warehouse.Queries;

public sealed record CrimeMonthRow(DateTime Month, long RecordedCrimes, long AntiSocialBehaviour);
public sealed record CrimeTypeRow(string CrimeType, bool IsRecordedCrime, long Incidents, long PositiveOutcomes);

/// <param name="Incidents">Incidents of the chosen crime type, or recorded crime (anti-social behaviour excluded) when none is chosen.</param>
public sealed record DistrictCrimeRow(
    string DistrictCode, string DistrictName, long Incidents, long AntiSocialBehaviour, long? Population, int? EstimateYear, string? EstimateSource);

/// <summary>The crime page's figures: recorded crime and anti-social behaviour by month, type and district.</summary>
public sealed class CrimePageQueries(IWarehouseReader reader)
{
    private const string Asb = "Anti-social behaviour";

    /// <summary>Incidents a month; with a crime type chosen, only that type counts (in whichever column it belongs to).</summary>
    public IReadOnlyList<CrimeMonthRow> Monthly(string forceArea, string year, string? district, string? crimeType)
    {
        using var connection = reader.Open();
        return connection.Query<CrimeMonthRow>("""
            SELECT CAST(month AS TIMESTAMP) AS Month,
                   CAST(coalesce(sum(incidents) FILTER (WHERE crime_type <> $asb), 0) AS BIGINT) AS RecordedCrimes,
                   CAST(coalesce(sum(incidents) FILTER (WHERE crime_type = $asb), 0) AS BIGINT) AS AntiSocialBehaviour
            FROM marts.crime_by_district_month
            WHERE force_code = $force_area AND financial_year = $year
              AND ($district IS NULL OR district_code = $district)
              AND ($crime_type IS NULL OR crime_type = $crime_type)
            GROUP BY month ORDER BY month
            """, new { asb = Asb, force_area = forceArea, year, district, crime_type = crimeType }).ToList();
    }

    public IReadOnlyList<CrimeTypeRow> ByType(string forceArea, string year, string? district, string? crimeType)
    {
        using var connection = reader.Open();
        return connection.Query<CrimeTypeRow>("""
            SELECT crime_type AS CrimeType, crime_type <> $asb AS IsRecordedCrime,
                   CAST(sum(incidents) AS BIGINT) AS Incidents, CAST(sum(positive_outcomes) AS BIGINT) AS PositiveOutcomes
            FROM marts.crime_by_district_month
            WHERE force_code = $force_area AND financial_year = $year
              AND ($district IS NULL OR district_code = $district)
              AND ($crime_type IS NULL OR crime_type = $crime_type)
            GROUP BY crime_type ORDER BY Incidents DESC, crime_type
            """, new { asb = Asb, force_area = forceArea, year, district, crime_type = crimeType }).ToList();
    }

    /// <summary>
    /// Every current district of the force area (none left out for having no incidents), with its residents in the
    /// ONS estimate for the year the financial year starts in, or the nearest earlier one (the earliest later one
    /// when there is none earlier).
    /// </summary>
    public IReadOnlyList<DistrictCrimeRow> ByDistrict(string forceArea, string year, int startYear, string? crimeType)
    {
        using var connection = reader.Open();
        return connection.Query<DistrictCrimeRow>("""
            WITH districts AS (
                SELECT district_code, district_name FROM core.dim_district WHERE is_current AND force_area_code = $force_area
            ), crime AS (
                SELECT district_code,
                       CAST(coalesce(sum(incidents) FILTER (WHERE ($crime_type IS NULL AND crime_type <> $asb) OR crime_type = $crime_type), 0) AS BIGINT) AS incidents,
                       CAST(coalesce(sum(incidents) FILTER (WHERE crime_type = $asb), 0) AS BIGINT) AS asb
                FROM marts.crime_by_district_month
                WHERE force_code = $force_area AND financial_year = $year
                GROUP BY district_code
            ), population AS (
                SELECT district_code, population, estimate_year, estimate_source
                FROM marts.population_by_district_year
                QUALIFY row_number() OVER (PARTITION BY district_code
                    ORDER BY estimate_year > $start_year, abs(estimate_year - $start_year)) = 1
            )
            SELECT d.district_code AS DistrictCode, d.district_name AS DistrictName,
                   coalesce(c.incidents, 0) AS Incidents, coalesce(c.asb, 0) AS AntiSocialBehaviour,
                   p.population AS Population, p.estimate_year AS EstimateYear, p.estimate_source AS EstimateSource
            FROM districts AS d
            LEFT JOIN crime AS c USING (district_code)
            LEFT JOIN population AS p USING (district_code)
            ORDER BY d.district_name
            """, new { asb = Asb, force_area = forceArea, year, start_year = startYear, crime_type = crimeType }).ToList();
    }

    /// <summary>Incidents the force published that lie outside its districts or have no usable location.</summary>
    public long OutsideDistricts(string forceArea, string year, string? crimeType)
    {
        using var connection = reader.Open();
        return connection.ExecuteScalar<long>("""
            SELECT CAST(coalesce(sum(incidents), 0) AS BIGINT) FROM marts.crime_by_district_month
            WHERE force_code = $force_area AND financial_year = $year
              AND ($crime_type IS NULL OR crime_type = $crime_type)
              AND district_code NOT IN (SELECT district_code FROM core.dim_district WHERE is_current AND force_area_code = $force_area)
            """, new { force_area = forceArea, year, crime_type = crimeType });
    }
}
