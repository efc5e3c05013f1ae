namespace Analytics.Etl.Plans;

/// <summary>A Police and Crime Plan as its definition file states it (see etl/README.md).</summary>
public sealed record PlanDefinition(
    string Id, string Title, string Version, string ForceAreaCode, string? SourceUrl, IReadOnlyList<PlanObjective> Objectives);

public sealed record PlanObjective(long Line, string Id, string Title, string? Description, IReadOnlyList<PlanMeasure> Measures);

/// <param name="CrimeTypes">Published crime types, or the single value "all recorded crime".</param>
/// <param name="Direction">reduce, increase or maintain; null when the measure has a numeric target.</param>
public sealed record PlanMeasure(
    long Line, string Id, string Title, string Metric, IReadOnlyList<string> CrimeTypes, string Baseline,
    string? Direction, double? Target, double? TolerancePercent)
{
    public static readonly string[] Metrics = ["rate_per_1000", "incidents", "positive_outcome_rate"];
    public static readonly string[] Directions = ["reduce", "increase", "maintain"];
    public const string AllRecordedCrime = "all recorded crime";
}
