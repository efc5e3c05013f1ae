namespace Analytics.Etl.Loading;

/// <summary>A check on one field: when <see cref="BadWhen"/> is true the row is rejected with <see cref="Reason"/>.</summary>
/// <param name="BadWhen">SQL over the raw table's column names.</param>
/// <param name="Reason">SQL text expression naming the value and what is wrong with it.</param>
public sealed record FieldRule(string Field, string BadWhen, string Reason);

/// <summary>How one kind of source file maps onto its raw table: which header it has, which columns go where,
/// and which rows are rejected.</summary>
public sealed class SourceSpec
{
    public required string Kind { get; init; }
    public required string RawTable { get; init; }
    /// <summary>Given the file's header, the header position of each raw column, or null if this spec does not read such files.</summary>
    public required Func<IReadOnlyList<string>, IReadOnlyDictionary<string, int>?> MapHeader { get; init; }
    public IReadOnlyList<FieldRule> Rules { get; init; } = [];
    /// <summary>Extra SQL columns (window functions) the rules may use, such as the first line of a repeated ID.</summary>
    public string HelperColumns { get; init; } = "";
    /// <summary>Raw columns whose value comes from the file (its name or header), not from a field of each row.</summary>
    public IReadOnlyList<string> FileLevelColumns { get; init; } = [];
    /// <summary>Files load in this order within a run: geography first, so that later checks can use it.</summary>
    public int LoadOrder { get; init; } = 2;
}
