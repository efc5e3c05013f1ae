using System.Text;
using Analytics.Etl.Excel;
using Analytics.Etl.Sources;
using Dapper;
using DuckDB.NET.Data;

namespace Analytics.Etl.Loading;

/// <summary>
/// Stages the first worksheet (or the one named "Funding return") of an .xlsx file into the same
/// stage_rows and stage_rejects tables as <see cref="CsvStager"/>, through DuckDB's Appender, so the same
/// checks apply. Line numbers are the sheet's row numbers; raw text is the row's cells joined as CSV.
/// </summary>
public static class XlsxStager
{
    public const string PreferredSheet = "Funding return";

    public static StagedCsv Stage(DuckDBConnection connection, DiscoveredFile file)
    {
        List<SheetRow> rows;
        try { rows = XlsxReader.ReadRows(file.LocalPath, PreferredSheet); }
        catch (InvalidDataException problem) { throw new SourceFileException(file.SourcePath, $"not a readable Excel workbook ({problem.Message})"); }

        var nonBlank = rows.Where(row => row.Cells.Any(cell => !string.IsNullOrWhiteSpace(cell))).ToList();
        if (nonBlank.Count == 0) throw new SourceFileException(file.SourcePath, "the worksheet is empty: there is no header row");
        var header = nonBlank[0].Cells.Select(cell => cell?.Trim() ?? "").ToList();

        var columns = string.Join(", ", Enumerable.Range(1, header.Count).Select(i => $"c{i} VARCHAR"));
        var create = $"""
            CREATE OR REPLACE TEMP TABLE stage_rows (line_number BIGINT, raw_text VARCHAR, {columns});
            CREATE OR REPLACE TEMP TABLE stage_rejects (line_number BIGINT, column_name VARCHAR, reason VARCHAR, raw_text VARCHAR, field VARCHAR);
            """;
        connection.Execute(create);
        long parsed = 0, rejected = 0;
        using (var good = connection.CreateAppender("stage_rows"))
        using (var bad = connection.CreateAppender("stage_rejects"))
        {
            foreach (var row in nonBlank.Skip(1))
            {
                var rawText = AsCsv(row.Cells);
                if (row.Cells.Count > header.Count)
                {
                    bad.CreateRow().AppendValue(row.Number).AppendNullValue()
                        .AppendValue($"TOO MANY COLUMNS: expected {header.Count} cells, found {row.Cells.Count}").AppendValue(rawText).AppendNullValue().EndRow();
                    rejected++;
                    continue;
                }
                var appended = good.CreateRow().AppendValue(row.Number).AppendValue(rawText);
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

    private static string AsCsv(IReadOnlyList<string?> cells) =>
        string.Join(",", cells.Select(cell => cell is null ? "" :
            cell.IndexOfAny([',', '"', '\n']) >= 0 ? "\"" + cell.Replace("\"", "\"\"") + "\"" : cell));
}
