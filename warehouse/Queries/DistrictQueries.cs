using Dapper;

namespace Analytics.Warehouse.Queries;

public sealed record DistrictRateRow(
    string DistrictCode, string DistrictName, long MonthsCovered, long RecordedCrimes, long Population, string PopulationEstimate,
    double? Rate, double? RateLow, double? RateHigh);

public sealed record DistrictSpendRow(string FundingStream, string Funder, string Source, decimal Allocated, decimal? Spent);

/// <param name="ComparedWith">What the value is compared with: the same months a year earlier, or the plan's baseline.</param>
public sealed record DistrictMeasureRow(
    string ObjectiveTitle, string MeasureTitle, string Metric, double? Value, string? ComparedWith, double? ComparisonValue,
    double? ChangePercent, string Status, string StatusLabel, string StatusRule, bool IsSmallCount);

/// <summary>One district's money, rate and plan measures for a financial year.</summary>
public sealed class DistrictQueries(IWarehouseReader reader)
{
    /// <summary>Recorded crime per 1,000 residents with its 95% interval, for every district of the force area.</summary>
    public IReadOnlyList<DistrictRateRow> Rates(string forceArea, string year)
    {
        using var connection = reader.Open();
        return connection.Query<DistrictRateRow>("""
            SELECT v.district_code AS DistrictCode, v.district_name AS DistrictName, v.months_covered AS MonthsCovered,
                   v.recorded_crimes AS RecordedCrimes, v.population AS Population, v.population_estimate AS PopulationEstimate,
                   v.crimes_per_1000_population AS Rate, v.crimes_per_1000_ci_low AS RateLow, v.crimes_per_1000_ci_high AS RateHigh
            FROM marts.value_for_money AS v
            WHERE v.financial_year = $year AND v.force_area_code = $force_area
            ORDER BY v.crimes_per_1000_population DESC NULLS LAST, v.district_name
            """, new { force_area = forceArea, year }).ToList();
    }

    /// <summary>The force area as a whole (every record its force published, located or not) for the same year.</summary>
    public DistrictRateRow? ForceArea(string forceArea, string year)
    {
        using var connection = reader.Open();
        return connection.QuerySingleOrDefault<DistrictRateRow>("""
            SELECT area_code AS DistrictCode, area_name AS DistrictName, months_covered AS MonthsCovered,
                   coalesce(recorded_crimes, 0) AS RecordedCrimes, coalesce(population, 0) AS Population, population_estimate AS PopulationEstimate,
                   recorded_crimes_per_1000 AS Rate, recorded_crimes_per_1000_ci_low AS RateLow, recorded_crimes_per_1000_ci_high AS RateHigh
            FROM marts.area_profile_by_year
            WHERE area_type = 'force_area' AND area_code = $force_area AND financial_year = $year
            """, new { force_area = forceArea, year });
    }

    public IReadOnlyList<DistrictSpendRow> SpendByStream(string district, string year)
    {
        using var connection = reader.Open();
        return connection.Query<DistrictSpendRow>("""
            SELECT funding_stream AS FundingStream, funder AS Funder, source AS Source,
                   CAST(sum(allocated) AS DECIMAL(18, 2)) AS Allocated, CAST(sum(spent) AS DECIMAL(18, 2)) AS Spent
            FROM marts.spend_by_district_year
            WHERE district_code = $district AND financial_year = $year
            GROUP BY ALL ORDER BY Allocated DESC, FundingStream, Funder, Source
            """, new { district, year }).ToList();
    }

    public IReadOnlyList<DistrictMeasureRow> Measures(string district, string year)
    {
        using var connection = reader.Open();
        return connection.Query<DistrictMeasureRow>("""
            SELECT objective_title AS ObjectiveTitle, measure_title AS MeasureTitle, metric AS Metric, value AS Value,
                   CASE comparison_kind WHEN 'baseline' THEN baseline_period ELSE comparison_period END AS ComparedWith,
                   comparison_value AS ComparisonValue, change_percent AS ChangePercent,
                   status AS Status, status_label AS StatusLabel, status_rule AS StatusRule, coalesce(is_small_count, false) AS IsSmallCount
            FROM marts.objective_performance
            WHERE area_code = $district AND period = $year
            ORDER BY objective_order, measure_id
            """, new { district, year }).ToList();
    }
}
