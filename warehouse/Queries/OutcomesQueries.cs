using Dapper;

namespace Analytics.Warehouse.Queries;

/// <summary>One plan measure's result for one area and period, with what decided its status.</summary>
public sealed record MeasureResult(
    int ObjectiveOrder, string ObjectiveId, string ObjectiveTitle, string MeasureId, string MeasureTitle, string Metric,
    string AreaCode, string AreaName, string Period, long MonthsCovered, double? Value, long? Incidents,
    string? BaselinePeriod, double? BaselineValue, long? BaselineMonthsCovered,
    string TargetKind, string? Direction, double? TargetValue, double? ChangePercent,
    bool IsSmallCount, bool ComparesPartialPeriods, string Status, string StatusRule);

public sealed record MeasureOption(string MeasureId, string MeasureTitle, string Metric);

/// <summary>A measure's value in one quarter for one area, and the baseline it is judged against.</summary>
public sealed record QuarterValue(string Period, string AreaName, double? Value, double? BaselineValue);

/// <summary>How the Police and Crime Plan's measures are doing (marts.objective_performance).</summary>
public sealed class OutcomesQueries(IWarehouseReader reader)
{
    /// <summary>Every measure of the plan for one area and period, in plan order.</summary>
    public IReadOnlyList<MeasureResult> Measures(string areaCode, string period)
    {
        using var connection = reader.Open();
        return connection.Query<MeasureResult>("""
            SELECT objective_order AS ObjectiveOrder, objective_id AS ObjectiveId, objective_title AS ObjectiveTitle,
                   measure_id AS MeasureId, measure_title AS MeasureTitle, metric AS Metric,
                   area_code AS AreaCode, area_name AS AreaName, period AS Period, months_covered AS MonthsCovered,
                   value AS Value, CAST(incidents AS BIGINT) AS Incidents,
                   baseline_period AS BaselinePeriod, baseline_value AS BaselineValue, baseline_months_covered AS BaselineMonthsCovered,
                   target_kind AS TargetKind, direction AS Direction, target_value AS TargetValue, change_percent AS ChangePercent,
                   coalesce(is_small_count, false) AS IsSmallCount, coalesce(compares_partial_periods, false) AS ComparesPartialPeriods,
                   status AS Status, status_rule AS StatusRule
            FROM marts.objective_performance
            WHERE area_code = $area AND period = $period
            ORDER BY objective_order, measure_id
            """, new { area = areaCode, period }).ToList();
    }

    /// <summary>The plan's measures, in plan order, for the trend chart's choice.</summary>
    public IReadOnlyList<MeasureOption> MeasureOptions(string forceArea)
    {
        using var connection = reader.Open();
        return connection.Query<MeasureOption>("""
            SELECT measure_id AS MeasureId, any_value(measure_title) AS MeasureTitle, any_value(metric) AS Metric
            FROM marts.objective_performance
            WHERE area_code = $force_area
            GROUP BY measure_id
            ORDER BY min(objective_order), measure_id
            """, new { force_area = forceArea }).ToList();
    }

    /// <summary>The measure's value in every quarter with data, for the force area and, when given, one district.</summary>
    public IReadOnlyList<QuarterValue> Quarters(string measureId, string forceArea, string? district)
    {
        using var connection = reader.Open();
        return connection.Query<QuarterValue>("""
            SELECT period AS Period, area_name AS AreaName, value AS Value, baseline_value AS BaselineValue
            FROM marts.objective_performance
            WHERE measure_id = $measure AND period_type = 'quarter' AND area_code IN ($force_area, $district)
            ORDER BY period, CASE area_type WHEN 'force area' THEN 0 ELSE 1 END, area_name
            """, new { measure = measureId, force_area = forceArea, district = district ?? forceArea }).ToList();
    }
}
