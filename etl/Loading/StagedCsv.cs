namespace Analytics.Etl.Loading;

/// <summary>
/// A CSV file (or worksheet) read into temporary tables by <see cref="CsvStager"/> or <see cref="XlsxStager"/>:
/// stage_rows (line_number, c1..cN as VARCHAR) for rows that parsed, and
/// stage_rejects (line_number, column_name, reason, raw_text, field) for rows that did not.
/// </summary>
/// <param name="CleanCopy">
/// The line scan's copy a CSV file was read from, which <see cref="CsvStager.ReadLines"/> reads raw text from when the
/// file has rejects; deleted when the file's load is done. Null for a worksheet, whose stager writes stage_lines itself.
/// </param>
public sealed record StagedCsv(IReadOnlyList<string> Header, long RowsRead, long RowsParsed, long RowsRejected, string? CleanCopy = null);
