namespace Analytics.Warehouse.Testing;

/// <summary>A query that returns the rows breaking one rule; no rows means the test passes.</summary>
/// <param name="ScopedSql">The same query over only the rows an incremental build made (models it maintains): over
/// the temporary table <see cref="ScopedRows"/> fills with them.</param>
public sealed record DataTest(string Name, string Model, string Severity, string Sql, string? ScopedSql = null);

public sealed record DataTestResult(DataTest Test, long FailingRows, string? Example)
{
    public bool Passed => FailingRows == 0;
    public bool BlocksPublish => !Passed && Test.Severity == "error";

    /// <summary>A failure as operators read it in logs and notes: which test, on what, how many rows, one example.</summary>
    public string Describe() => $"data test {Test.Name} on {Test.Model} ({Test.Severity}): {FailingRows:N0} failing rows, e.g. {Example}";
}
