using Analytics.Etl.Sources;
using Dapper;
using DuckDB.NET.Data;

namespace Analytics.Etl.Loading;

/// <summary>
/// Reads a CSV file in two passes, each line ending up a row or a reject, never dropped:
/// <list type="number">
/// <item><see cref="CsvLineScan"/> (C#, bounded memory; done ahead of the file's turn, <see cref="PreparedCsv"/>)
/// numbers the lines whatever their line ends, refuses a file that is UTF-16 or has too wide a header, rejects lines
/// too long or with too many or too few fields, and writes a clean copy with LF line ends, each data line starting
/// with its number, in which those lines are blank;</item>
/// <item>DuckDB reads the copy as CSV (quotes, encoding): each row comes with its line number.</item>
/// </list>
/// Rows that do not parse are kept as rejects with DuckDB's reason, beside the scan's own rejects. The raw text of
/// the lines is read only for a file with rejects (<see cref="ReadLines"/>), after its rows are checked.
/// Documented in etl/README.md ("How a CSV file is read").
/// </summary>
public static class CsvStager
{
    // The line pass splits on a character that never occurs in text files, so each line is one field.
    private const string NeverADelimiter = "\u001f";

    /// <param name="prepared">The file's checksum and line scan, made ahead of its turn (<see cref="CsvReadAhead"/>);
    /// a failure of the scan is thrown here. The caller disposes it, deleting the clean copy.</param>
    public static StagedCsv Stage(DuckDBConnection connection, DiscoveredFile file, PreparedCsv prepared, CancellationToken cancellation)
    {
        var (scan, cleanPath) = prepared.Scan(cancellation);
        ParseRows(connection, cleanPath, scan.Header.Count);
        var (parsed, rejected) = CollectRejects(connection, file, scan);
        return new StagedCsv(scan.Header, parsed + rejected, parsed, rejected, cleanPath);
    }

    /// <summary>
    /// DuckDB's longest row. Lines past InputLimits.MaxLineBytes never reach it (the line scan rejects them); a row
    /// may still be two lines (a quoted line break), and carries its number. DuckDB's read buffer is sixteen times
    /// this, per file read, so a generous bound here costs memory on every load.
    /// </summary>
    private const int MaxRowBytes = 2 * InputLimits.MaxLineBytes + 32;

    /// <summary>
    /// Builds stage_lines (line_number, raw_text) from the clean copy: every line's text as the file has it, without
    /// the number the scan put in front; blank lines are NULL. Lines DuckDB cannot decode are listed, with their
    /// numbers, as errors of this read and kept from there.
    /// </summary>
    public static void ReadLines(DuckDBConnection connection, string cleanPath)
    {
        connection.Execute("DROP TABLE IF EXISTS stage_line_errors; DROP TABLE IF EXISTS stage_line_scans;");
        connection.Execute("""
            CREATE OR REPLACE TEMP TABLE stage_line_reads AS
            SELECT row_number() OVER () AS read_number, raw AS raw_text
            FROM read_csv($path, header = false, columns = {'raw': 'VARCHAR'}, delim = $delimiter, quote = '', escape = '',
                          auto_detect = false, strict_mode = false, store_rejects = true,
                          rejects_table = 'stage_line_errors', rejects_scan = 'stage_line_scans', max_line_size = $max_line_size)
            """, new { path = cleanPath, delimiter = NeverADelimiter, max_line_size = MaxRowBytes });
        connection.Execute("""
            CREATE OR REPLACE TEMP TABLE stage_lines AS
            WITH undecodable AS (
                SELECT line AS line_number, any_value(csv_line) AS raw_text FROM stage_line_errors GROUP BY line
            ),
            numbers AS (
                SELECT n AS line_number, row_number() OVER (ORDER BY n) AS read_number
                FROM range(1, (SELECT count(*) FROM stage_line_reads) + (SELECT count(*) FROM undecodable) + 1) AS t(n)
                WHERE n NOT IN (SELECT line_number FROM undecodable)
            )
            SELECT line_number, regexp_replace(raw_text, '^[0-9]+,', '') AS raw_text
            FROM (
                SELECT numbers.line_number, reads.raw_text
                FROM stage_line_reads AS reads JOIN numbers USING (read_number)
                UNION ALL
                SELECT line_number, raw_text FROM undecodable
            )
            WHERE line_number > 1
            """);
    }

    private static void ParseRows(DuckDBConnection connection, string cleanPath, int columnCount)
    {
        // c1..cN are names this class makes up; the file's own header names never reach the SQL text.
        var columns = string.Join(", ", Enumerable.Range(1, columnCount).Select(i => $"'c{i}': 'VARCHAR'"));
        connection.Execute("DROP TABLE IF EXISTS stage_parse_errors; DROP TABLE IF EXISTS stage_parse_scans;");
        var parse = $$"""
            CREATE OR REPLACE TEMP TABLE stage_rows AS
            SELECT *
            FROM read_csv($path, header = true, columns = {'{{CsvLineScan.LineNumberColumn}}': 'BIGINT', {{columns}}},
                          delim = ',', quote = '"', escape = '"',
                          auto_detect = false, strict_mode = true, null_padding = false, store_rejects = true,
                          rejects_table = 'stage_parse_errors', rejects_scan = 'stage_parse_scans', max_line_size = $max_line_size)
            """;
        connection.Execute(parse, new { path = cleanPath, max_line_size = MaxRowBytes });
    }

    /// <summary>
    /// Builds stage_rejects from DuckDB's errors (their raw text is filled from the lines later, only when needed) and
    /// the scan's own, then checks that every data line the scan wrote is a row or a reject.
    /// </summary>
    private static (long Parsed, long Rejected) CollectRejects(DuckDBConnection connection, DiscoveredFile file, CsvScan scan)
    {
        connection.Execute("""
            CREATE OR REPLACE TEMP TABLE stage_rejects AS
            SELECT line AS line_number,
                   any_value(column_name) AS column_name,
                   string_agg(DISTINCT error_type || ': ' || error_message, '; ') AS reason,
                   NULL::VARCHAR AS raw_text,
                   NULL::VARCHAR AS field
            FROM stage_parse_errors
            GROUP BY line
            """);
        var (parsed, rejected) = connection.QuerySingle<(long, long)>(
            "SELECT (SELECT count(*) FROM stage_rows), (SELECT count(*) FROM stage_rejects)");
        // A quoted line break joins two lines into one row (or one reject): the counts no longer meet.
        if (parsed + rejected != scan.DataLines)
            throw new SourceFileException(file.SourcePath,
                $"its rows do not line up with its lines ({parsed + rejected:N0} rows read from {scan.DataLines:N0} data lines): a quote is left open, or a quoted field holds a line break, which published files never do");
        if (rejected > 0) NameRejectedFields(connection, scan.Header);
        if (scan.Rejects.Count > 0) AddScannedRejects(connection, scan.Rejects);
        return (parsed, rejected + scan.Rejects.Count);
    }

    /// <summary>The scan's rejects join DuckDB's; their lines are blank in the copy, so neither a row nor another reject.</summary>
    private static void AddScannedRejects(DuckDBConnection connection, IReadOnlyList<ScannedReject> rejects)
    {
        using var appender = connection.CreateAppender("stage_rejects");
        foreach (var reject in rejects) // columns: line_number, column_name, reason, raw_text, field
            appender.CreateRow().AppendValue(reject.LineNumber).AppendNullValue().AppendValue(reject.Reason)
                .AppendValue(reject.RawText).AppendNullValue().EndRow();
    }

    /// <summary>Replaces DuckDB's c1..cN in the rejects with the field names from the file's header.</summary>
    private static void NameRejectedFields(DuckDBConnection connection, IReadOnlyList<string> header)
    {
        connection.Execute("CREATE OR REPLACE TEMP TABLE stage_header (column_name VARCHAR, field VARCHAR)");
        using (var appender = connection.CreateAppender("stage_header"))
        {
            foreach (var (name, index) in header.Select((name, index) => (name, index)))
                appender.CreateRow().AppendValue($"c{index + 1}").AppendValue(name).EndRow();
        }
        connection.Execute("""
            UPDATE stage_rejects SET field = stage_header.field
            FROM stage_header WHERE stage_header.column_name = stage_rejects.column_name;
            """);
    }

    /// <summary>Splits a header line; published headers are plain, but a quoted name is honoured.</summary>
    internal static List<string> SplitHeader(string line)
    {
        var names = new List<string>();
        var current = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (c == '"' && quoted && i + 1 < line.Length && line[i + 1] == '"') { current.Append('"'); i++; }
            else if (c == '"') quoted = !quoted;
            else if (c == ',' && !quoted) { names.Add(current.ToString().Trim()); current.Clear(); }
            else current.Append(c);
        }
        names.Add(current.ToString().Trim());
        names[0] = names[0].TrimStart('\uFEFF');
        return names;
    }
}
