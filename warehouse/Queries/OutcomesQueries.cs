using Dapper;

namespace Analytics.Warehouse.Queries;

/// <summary>One plan measure's result for one area and period, with what it was compared with and what decided its status.</summary>
/// <param name="ComparisonKind">`year earlier` (the same months a year earlier), `baseline` (the plan's baseline) or `none`.</param>
/// <param name="ComparisonPeriod">The months compared with, in words (January to March 2024); null when there are none.</param>
public sealed record MeasureResult(
    int ObjectiveOrder, string ObjectiveId, string ObjectiveTitle, string MeasureId, string MeasureTitle, string Metric,
    string AreaCode, string AreaName, string Period, long MonthsCovered, double? Value, long? Incidents,
    string? BaselinePeriod, double? BaselineValue, long? BaselineMonthsCovered,
    string ComparisonKind, string? ComparisonPeriod, double? ComparisonValue, long? ComparisonMonthsCovered,
    string TargetKind, string? Direction, double? TargetValue, double? ChangePercent,
    bool IsSmallCount, bool ComparesPartialPeriods, string Status, string StatusLabel, string StatusSymbol, string StatusColour, string StatusRule)
{
    public StatusLook Look => new(Status, StatusLabel, StatusSymbol, StatusColour);
}

/// <summary>How a plan status is shown: its word, label, symbol and colour, as marts.plan_statuses gives them.</summary>
public sealed record StatusLook(string Status, string Label, string Symbol, string Colour);

/// <summary>A plan status of the vocabulary (marts.plan_statuses), with what it means, in display order.</summary>
public sealed record PlanStatus(string Status, string Label, string Symbol, string Colour, string Meaning, int DisplayOrder)
{
    public StatusLook Look => new(Status, Label, Symbol, Colour);
}

public sealed record MeasureOption(string MeasureId, string MeasureTitle, string Metric);

/// <summary>A measure's value in one month for one area, and in the same month a year earlier where that is loaded.</summary>
public sealed record MonthValue(DateTime Month, string AreaName, double? Value, double? YearEarlierValue);

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
                   comparison_kind AS ComparisonKind, comparison_period AS ComparisonPeriod, comparison_value AS ComparisonValue,
                   comparison_months_covered AS ComparisonMonthsCovered,
                   target_kind AS TargetKind, direction AS Direction, target_value AS TargetValue, change_percent AS ChangePercent,
                   coalesce(is_small_count, false) AS IsSmallCount, coalesce(compares_partial_periods, false) AS ComparesPartialPeriods,
                   status AS Status, status_label AS StatusLabel, status_symbol AS StatusSymbol, status_colour AS StatusColour,
                   status_rule AS StatusRule
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

    /// <summary>The measure's value in every month with data, for the force area and, when given, one district.</summary>
    public IReadOnlyList<MonthValue> Months(string measureId, string forceArea, string? district)
    {
        using var connection = reader.Open();
        return connection.Query<MonthValue>("""
            SELECT CAST(month AS TIMESTAMP) AS Month, area_name AS AreaName, value AS Value, year_earlier_value AS YearEarlierValue
            FROM marts.plan_measure_by_month
            WHERE measure_id = $measure AND area_code IN ($force_area, $district)
            ORDER BY month, CASE area_type WHEN 'force area' THEN 0 ELSE 1 END, area_name
            """, new { measure = measureId, force_area = forceArea, district = district ?? forceArea }).ToList();
    }

    /// <summary>Every plan status with its label, symbol, colour and meaning, in display order: the key to the statuses.</summary>
    public IReadOnlyList<PlanStatus> Statuses()
    {
        using var connection = reader.Open();
        return connection.Query<PlanStatus>("""
            SELECT status AS Status, label AS Label, symbol AS Symbol, colour AS Colour, meaning AS Meaning, display_order AS DisplayOrder
            FROM marts.plan_statuses
            ORDER BY display_order
            """).ToList();
    }
}
