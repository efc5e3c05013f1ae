using Analytics.Etl.Excel;
using Analytics.Etl.Sources;
using Analytics.Warehouse.Schema;
using Dapper;
using DuckDB.NET.Data;

namespace Analytics.Etl.Loading;

/// <summary>
/// Stages the worksheet named "Funding return" of an .xlsx file into the same stage_rows and stage_rejects tables
/// as <see cref="CsvStager"/>, through DuckDB's Appender, one row at a time, so the same checks apply. Line numbers
/// are the sheet's row numbers; raw text is the row's cells joined as CSV, kept for every row in stage_lines (a
/// return is a few hundred rows). A workbook without that sheet, that
/// expands past <see cref="InputLimits"/> or has a cell beyond the last column allowed is refused, naming it.
/// </summary>
public static class XlsxStager
{
    /// <summary>The sheet a funding return is read from, as the template names it.</summary>
    public const string PreferredSheet = "Funding return";

    public static StagedCsv Stage(DuckDBConnection connection, DiscoveredFile file, CancellationToken cancellation)
    {
        try
        {
            return Stage(connection, XlsxReader.ReadRows(file.LocalPath, PreferredSheet), file, cancellation);
        }
        catch (InvalidDataException problem) { throw new SourceFileException(file.SourcePath, $"not a readable Excel workbook ({problem.Message})"); }
        catch (WorkbookContentException problem) { throw new SourceFileException(file.SourcePath, problem.Message); }
    }

    private static StagedCsv Stage(DuckDBConnection connection, IEnumerable<SheetRow> rows, DiscoveredFile file, CancellationToken cancellation)
    {
        using var nonBlank = rows.Where(row => row.Problems.Count > 0 || row.Cells.Any(cell => !string.IsNullOrWhiteSpace(cell))).GetEnumerator();
        if (!nonBlank.MoveNext()) throw new SourceFileException(file.SourcePath, "the worksheet is empty: there is no header row");
        var header = nonBlank.Current.Cells.Select(cell => cell?.Trim() ?? "").ToList();

        var columns = string.Join(", ", Enumerable.Range(1, header.Count).Select(i => $"c{i} VARCHAR"));
        var create = $"""
            CREATE OR REPLACE TEMP TABLE stage_rows (line_number BIGINT, {columns});
            CREATE OR REPLACE TEMP TABLE stage_lines (line_number BIGINT, raw_text VARCHAR);
            CREATE OR REPLACE TEMP TABLE stage_rejects (line_number BIGINT, column_name VARCHAR, reason VARCHAR, raw_text VARCHAR, field VARCHAR);
            """;
        connection.Execute(create);
        long parsed = 0, rejected = 0;
        using (var good = connection.CreateAppender("stage_rows"))
        using (var bad = connection.CreateAppender("stage_rejects"))
        using (var lines = connection.CreateAppender("stage_lines"))
        {
            while (nonBlank.MoveNext())
            {
                var row = nonBlank.Current;
                if (row.Number % 1000 == 0) cancellation.ThrowIfCancellationRequested();
                var rawText = AsCsv(row.Cells);
                if (Problem(row, header) is { } problem)
                {
                    bad.CreateRow().AppendValue(row.Number).AppendNullValue().AppendValue(problem.Reason).AppendValue(RejectText.Cap(rawText))
                        .AppendValue(problem.Field).EndRow();
                    rejected++;
                    continue;
                }
                lines.CreateRow().AppendValue(row.Number).AppendValue(rawText).EndRow();
                var appended = good.CreateRow().AppendValue(row.Number);
                for (var i = 0; i < header.Count; i++)
                {
                    var text = i < row.Cells.Count ? row.Cells[i] : null;
                    appended = string.IsNullOrEmpty(text) ? appended.AppendNullValue() : appended.AppendValue(text);
                }
                appended.EndRow();
                parsed++;
            }
        }
        return new StagedCsv(header, parsed + rejected, parsed, rejected);
    }

    /// <summary>Why a row cannot be staged, and the header field at fault where there is one.</summary>
    private static (string Reason, string? Field)? Problem(SheetRow row, List<string> header)
    {
        if (row.Cells.Count > header.Count)
            return ($"TOO MANY COLUMNS: expected {header.Count} cells, found {row.Cells.Count}", null);
        if (row.Problems.Count > 0)
            return (string.Join("; ", row.Problems.Select(p => p.Reason)), row.Problems[0].Column < header.Count ? header[row.Problems[0].Column] : null);
        return null;
    }

    private static string AsCsv(IReadOnlyList<string?> cells) =>
        string.Join(",", cells.Select(cell => cell is null ? "" :
            cell.IndexOfAny([',', '"', '\n']) >= 0 ? "\"" + cell.Replace("\"", "\"\"") + "\"" : cell));
}
