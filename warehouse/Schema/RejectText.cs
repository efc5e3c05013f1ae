namespace Analytics.Warehouse.Schema;

/// <summary>
/// The one place that bounds what a reject stores: its raw text and its reason are kept to at most
/// <see cref="MaxChars"/> characters, the first <see cref="KeptChars"/> followed by "... (N more characters)", so a
/// line of a million fields costs the warehouse and the /data page a few kilobytes, not megabytes. The ETL caps what
/// it stores; the dashboard's queries cap what they show, so rejects stored before the cap are bounded too.
/// </summary>
public static class RejectText
{
    public const int MaxChars = 4096;

    /// <summary>What is kept of a longer text; the rest of <see cref="MaxChars"/> leaves room for the marker.</summary>
    public const int KeptChars = 4000;

    /// <summary>The text as stored, given its first characters and its full length in characters.</summary>
    public static string Cap(string start, long fullLength) =>
        fullLength <= MaxChars ? start : start[..Math.Min(start.Length, KeptChars)] + Marker(fullLength - KeptChars);

    public static string Cap(string text) => Cap(text, text.Length);

    /// <summary>The same cap as SQL over <paramref name="column"/>, a column name compiled into the ETL (never user input).</summary>
    public static string Sql(string column) =>
        $"CASE WHEN length({column}) > {MaxChars} THEN left({column}, {KeptChars}) || '... (' || (length({column}) - {KeptChars}) || ' more characters)' ELSE {column} END";

    private static string Marker(long more) => $"... ({more} more characters)";
}
