using Dapper;

namespace Analytics.Warehouse.Queries;

/// <summary>One row of marts.value_for_money: a district's spend set against its recorded crime for one financial year.</summary>
public sealed record DistrictValue(
    string DistrictCode, string DistrictName, long MonthsCovered, bool IsPartialYear, long Population, string PopulationEstimate,
    long RecordedCrimes, long PositiveOutcomes, decimal Spent, double? SpendPer1000Population, double? SpendPerCrime,
    double? SpendPerPositiveOutcome, double? CrimesPer1000Population, double? CrimesPer1000CiLow, double? CrimesPer1000CiHigh);

/// <summary>The force area as a whole (every record its force published; spend summed over its districts), from marts.area_profile_by_year.</summary>
public sealed record ForceAreaValue(
    bool HasSpend, decimal Spent, long RecordedCrimes, long MonthsCovered, long? Population, double? SpendPer1000Population,
    double? SpendPerCrime, double? CrimesPer1000Population)
{
    public static readonly ForceAreaValue None = new(false, 0, 0, 0, null, null, null, null);
}

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
            WHERE vfm.financial_year = $year AND vfm.force_area_code = $force_area
            ORDER BY vfm.district_name
            """, new { force_area = forceArea, year }).ToList();
    }

    /// <summary>The force area's own figures, for the quadrant lines and the headline cards.</summary>
    public ForceAreaValue ForceArea(string forceArea, string year)
    {
        using var connection = reader.Open();
        return connection.QuerySingleOrDefault<ForceAreaValue>("""
            SELECT has_spend AS HasSpend, CAST(coalesce(spent, 0) AS DECIMAL(18, 2)) AS Spent, coalesce(recorded_crimes, 0) AS RecordedCrimes,
                   months_covered AS MonthsCovered, population AS Population, spend_per_1000_population AS SpendPer1000Population,
                   spend_per_crime AS SpendPerCrime, recorded_crimes_per_1000 AS CrimesPer1000Population
            FROM marts.area_profile_by_year
            WHERE area_type = 'force_area' AND area_code = $force_area AND financial_year = $year
            """, new { force_area = forceArea, year }) ?? ForceAreaValue.None;
    }
}
