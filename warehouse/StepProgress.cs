namespace Analytics.Warehouse;

/// <summary>The steps a build or a check reports one by one.</summary>
public enum StepKind { Model, DataTest }

/// <summary>
/// One step of a build or a check done: a model built or a data test run, how long it took, and how far the whole has
/// come. At national scale a full build takes minutes and the check about one: this says how far they are and where
/// the time goes.
/// </summary>
public sealed record StepProgress(StepKind Kind, string Name, int Done, int Total, double Seconds)
{
    /// <summary>A step at least this long is worth a line of its own where a person reads the log.</summary>
    public const double SlowSeconds = 1;

    public bool IsSlow => Seconds >= SlowSeconds;

    /// <summary>"model core.fct_crime_records built in 6.7 s (12 of 59 models)".</summary>
    public string Describe() => Kind == StepKind.Model
        ? $"model {Name} built in {Seconds:N1} s ({Done:N0} of {Total:N0} models)"
        : $"data test {Name} run in {Seconds:N1} s ({Done:N0} of {Total:N0} data tests)";
}
