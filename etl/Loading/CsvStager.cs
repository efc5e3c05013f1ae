using Analytics.Etl.Sources;
using Dapper;
using DuckDB.NET.Data;

namespace Analytics.Etl.Loading;

/// <summary>
/// Reads a CSV file in three passes, each line ending up a row or a reject, never dropped:
/// <list type="number">
/// <item><see cref="CsvLineScan"/> (C#, bounded memory) numbers the lines whatever their line ends, refuses a file
/// that is UTF-16 or has too wide a header, rejects lines too long or with too many fields, and writes a clean copy
/// with LF line ends in which those lines are blank;</item>
/// <item>DuckDB reads the copy line by line (line numbers and raw text of every line);</item>
/// <item>DuckDB reads the copy as CSV (quotes, field counts, encoding).</item>
/// </list>
/// Rows that parse are matched back to their lines in order; rows that do not are kept as rejects with DuckDB's
/// reason, beside the scan's own rejects. Documented in etl/README.md ("How a CSV file is read").
/// </summary>
public static class CsvStager
{
    // The line pass splits on a character that never occurs in text files, so each line is one field.
    private const string NeverADelimiter = "\u001f";

    /// <param name="scratchDirectory">Where the clean copy is written while the file is read; removed afterwards.</param>
    public static StagedCsv Stage(DuckDBConnection connection, DiscoveredFile file, string scratchDirectory, CancellationToken cancellation)
    {
        if (new FileInfo(file.LocalPath).Length == 0)
            throw new SourceFileException(file.SourcePath, "the file is empty: there is no header line");

        Directory.CreateDirectory(scratchDirectory);
        var cleanPath = Path.Combine(scratchDirectory, "clean-" + Guid.NewGuid().ToString("N") + ".csv");
        try
        {
            var scan = CsvLineScan.Scan(file, cleanPath, cancellation);
            ReadLines(connection, cleanPath);
            ParseRows(connection, cleanPath, scan.Header.Count);
            AlignRowsToLines(connection, file, scan.Header);
            AddScannedRejects(connection, scan.Rejects);
            var counts = connection.QuerySingle<(long Parsed, long Rejected)>(
                "SELECT (SELECT count(*) FROM stage_rows), (SELECT count(*) FROM stage_rejects)");
            return new StagedCsv(scan.Header, counts.Parsed + counts.Rejected, counts.Parsed, counts.Rejected);
        }
        finally
        {
            File.Delete(cleanPath);
        }
    }

    /// <summary>
    /// DuckDB's longest row. Lines past InputLimits.MaxLineBytes never reach it (the line scan rejects them); a row
    /// may still be two lines (a quoted line break). DuckDB's read buffer is sixteen times this, per file read, so a
    /// generous bound here costs memory on every load.
    /// </summary>
    private const int MaxRowBytes = 2 * InputLimits.MaxLineBytes;

    private static void ReadLines(DuckDBConnection connection, string cleanPath)
    {
        connection.Execute("DROP TABLE IF EXISTS stage_line_errors; DROP TABLE IF EXISTS stage_line_scans;");
        connection.Execute("""
            CREATE OR REPLACE TEMP TABLE stage_line_reads AS
            SELECT row_number() OVER () AS read_number, raw AS raw_text
            FROM read_csv($path, header = false, columns = {'raw': 'VARCHAR'}, delim = $delimiter, quote = '', escape = '',
                          auto_detect = false, strict_mode = false, store_rejects = true,
                          rejects_table = 'stage_line_errors', rejects_scan = 'stage_line_scans', max_line_size = $max_line_size)
            """, new { path = cleanPath, delimiter = NeverADelimiter, max_line_size = MaxRowBytes });
        // Lines DuckDB could not decode are absent from the reads but listed, with their numbers, as errors.
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
            SELECT numbers.line_number, reads.raw_text
            FROM stage_line_reads AS reads JOIN numbers USING (read_number)
            UNION ALL
            SELECT line_number, raw_text FROM undecodable
            """);
    }

    private static void ParseRows(DuckDBConnection connection, string cleanPath, int columnCount)
    {
        // c1..cN are names this class makes up; the file's own header names never reach the SQL text.
        var columns = string.Join(", ", Enumerable.Range(1, columnCount).Select(i => $"'c{i}': 'VARCHAR'"));
        connection.Execute("DROP TABLE IF EXISTS stage_parse_errors; DROP TABLE IF EXISTS stage_parse_scans;");
        var parse = $$"""
            CREATE OR REPLACE TEMP TABLE stage_parsed AS
            SELECT row_number() OVER () AS read_number, *
            FROM read_csv($path, header = true, columns = {{{columns}}}, delim = ',', quote = '"', escape = '"',
                          auto_detect = false, strict_mode = true, null_padding = false, store_rejects = true,
                          rejects_table = 'stage_parse_errors', rejects_scan = 'stage_parse_scans', max_line_size = $max_line_size)
            """;
        connection.Execute(parse, new { path = cleanPath, max_line_size = MaxRowBytes });
    }

    private static void AlignRowsToLines(DuckDBConnection connection, DiscoveredFile file, IReadOnlyList<string> header)
    {
        // The n-th parsed row is the n-th non-blank line after the header that DuckDB did not reject.
        connection.Execute("""
            CREATE OR REPLACE TEMP TABLE stage_rejects AS
            SELECT errors.line AS line_number,
                   any_value(errors.column_name) AS column_name,
                   string_agg(DISTINCT errors.error_type || ': ' || errors.error_message, '; ') AS reason,
                   coalesce(any_value(lines.raw_text), any_value(errors.csv_line)) AS raw_text
            FROM stage_parse_errors AS errors
            LEFT JOIN stage_lines AS lines ON lines.line_number = errors.line
            GROUP BY errors.line;

            CREATE OR REPLACE TEMP TABLE stage_rows AS
            WITH data_lines AS (
                SELECT line_number, raw_text, row_number() OVER (ORDER BY line_number) AS read_number
                FROM stage_lines
                WHERE line_number > 1 AND raw_text IS NOT NULL
                  AND line_number NOT IN (SELECT line_number FROM stage_rejects)
            )
            SELECT data_lines.line_number, data_lines.raw_text, parsed.* EXCLUDE (read_number)
            FROM stage_parsed AS parsed
            JOIN data_lines USING (read_number);
            """);
        var (parsed, aligned) = connection.QuerySingle<(long, long)>(
            "SELECT (SELECT count(*) FROM stage_parsed), (SELECT count(*) FROM stage_rows)");
        var (dataLines, _) = connection.QuerySingle<(long, long)>("""
            SELECT count(*), 0 FROM stage_lines
            WHERE line_number > 1 AND raw_text IS NOT NULL AND line_number NOT IN (SELECT line_number FROM stage_rejects)
            """);
        if (parsed != aligned || parsed != dataLines)
            throw new SourceFileException(file.SourcePath,
                $"its rows do not line up with its lines ({parsed:N0} rows parsed from {dataLines:N0} data lines): a quote is left open, or a quoted field holds a line break, which published files never do");
        NameRejectedFields(connection, header);
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
            ALTER TABLE stage_rejects ADD COLUMN field VARCHAR;
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
