namespace Analytics.Etl.Loading;

/// <summary>
/// A CSV file read into two temporary tables by <see cref="CsvStager"/>:
/// stage_rows (line_number, raw_text, c1..cN as VARCHAR) for rows that parsed, and
/// stage_rejects (line_number, field, reason, raw_text) for rows that did not.
/// </summary>
public sealed record StagedCsv(IReadOnlyList<string> Header, long RowsRead, long RowsParsed, long RowsRejected);
