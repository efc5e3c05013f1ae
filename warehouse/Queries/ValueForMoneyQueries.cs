using Dapper;

namespace Analytics.Warehouse.Queries;

/// <summary>One row of marts.value_for_money: a district's spend set against its recorded crime for one financial year.</summary>
public sealed record DistrictValue(
    string DistrictCode, string DistrictName, long MonthsCovered, bool IsPartialYear, long Population, string PopulationEstimate,
    long RecordedCrimes, long PositiveOutcomes, decimal Spent, double? SpendPer1000Population, double? SpendPerCrime,
    double? SpendPerPositiveOutcome, double? CrimesPer1000Population, double? CrimesPer1000CiLow, double? CrimesPer1000CiHigh);

/// <summary>The force area as a whole: total spend and annualised crime over total residents.</summary>
public sealed record ForceAreaValue(decimal Spent, double AnnualisedCrimes, long Population, double? SpendPer1000Population, double? CrimesPer1000Population);

/// <summary>What each result costs, district by district: marts.value_for_money for the districts of one force area.</summary>
public sealed class ValueForMoneyQueries(IWarehouseReader reader)
{
    public IReadOnlyList<DistrictValue> ByDistrict(string forceArea, string year)
    {
        using var connection = reader.Open();
        return connection.Query<DistrictValue>("""
            SELECT vfm.district_code AS DistrictCode, vfm.district_name AS DistrictName, vfm.months_covered AS MonthsCovered,
                   vfm.is_partial_year AS IsPartialYear, vfm.population AS Population, vfm.population_estimate AS PopulationEstimate,
                   vfm.recorded_crimes AS RecordedCrimes, vfm.positive_outcomes AS PositiveOutcomes, CAST(vfm.spent AS DECIMAL(18, 2)) AS Spent,
                   vfm.spend_per_1000_population AS SpendPer1000Population,
                   CASE WHEN vfm.recorded_crimes > 0 THEN vfm.spend_per_crime END AS SpendPerCrime,
                   CASE WHEN vfm.positive_outcomes > 0 THEN vfm.spend_per_positive_outcome END AS SpendPerPositiveOutcome,
                   vfm.crimes_per_1000_population AS CrimesPer1000Population, vfm.crimes_per_1000_ci_low AS CrimesPer1000CiLow,
                   vfm.crimes_per_1000_ci_high AS CrimesPer1000CiHigh
            FROM marts.value_for_money AS vfm
            JOIN core.dim_district AS district ON district.district_code = vfm.district_code AND district.is_current
            WHERE vfm.financial_year = $year AND district.force_area_code = $force_area
            ORDER BY vfm.district_name
            """, new { force_area = forceArea, year }).ToList();
    }

    /// <summary>
    /// Force-area averages for the quadrant lines: total spend ÷ total residents × 1,000, and total crimes a year
    /// (each district's count scaled × 12 ÷ months covered, as the mart does) ÷ total residents × 1,000.
    /// </summary>
    public ForceAreaValue ForceArea(string forceArea, string year)
    {
        using var connection = reader.Open();
        return connection.QuerySingle<ForceAreaValue>("""
            SELECT CAST(coalesce(sum(vfm.spent), 0) AS DECIMAL(18, 2)) AS Spent,
                   coalesce(sum(CAST(vfm.recorded_crimes AS DOUBLE) * 12 / vfm.months_covered) FILTER (WHERE vfm.months_covered > 0), 0) AS AnnualisedCrimes,
                   CAST(coalesce(sum(vfm.population), 0) AS BIGINT) AS Population,
                   CAST(sum(vfm.spent) AS DOUBLE) * 1000 / nullif(sum(vfm.population), 0) AS SpendPer1000Population,
                   1000 * sum(CAST(vfm.recorded_crimes AS DOUBLE) * 12 / vfm.months_covered) FILTER (WHERE vfm.months_covered > 0) / nullif(sum(vfm.population), 0) AS CrimesPer1000Population
            FROM marts.value_for_money AS vfm
            JOIN core.dim_district AS district ON district.district_code = vfm.district_code AND district.is_current
            WHERE vfm.financial_year = $year AND district.force_area_code = $force_area
            """, new { force_area = forceArea, year });
    }
}
