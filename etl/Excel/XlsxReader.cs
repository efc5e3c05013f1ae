using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Analytics.Etl.Excel;

/// <summary>A worksheet row: its number as Excel shows it, and its cells' text by column (A = 0).</summary>
public sealed record SheetRow(long Number, IReadOnlyList<string?> Cells);

/// <summary>Reads the cells of one worksheet of an .xlsx file as text, the way Excel stores them.</summary>
public static class XlsxReader
{
    /// <param name="preferredSheet">Read this sheet when the workbook has it, else the first.</param>
    /// <exception cref="InvalidDataException">when the file is not a readable .xlsx workbook.</exception>
    public static List<SheetRow> ReadRows(string path, string preferredSheet)
    {
        try
        {
            using var document = SpreadsheetDocument.Open(path, isEditable: false);
            var workbook = document.WorkbookPart ?? throw new InvalidDataException("the workbook has no content");
            var sheets = workbook.Workbook.Sheets?.Elements<Sheet>().ToList() ?? [];
            var sheet = sheets.FirstOrDefault(s => s.Name?.Value == preferredSheet) ?? sheets.FirstOrDefault()
                ?? throw new InvalidDataException("the workbook has no worksheets");
            var part = (WorksheetPart)workbook.GetPartById(sheet.Id!.Value!);
            var strings = workbook.SharedStringTablePart?.SharedStringTable.Elements<SharedStringItem>().Select(item => item.InnerText).ToList() ?? [];
            return part.Worksheet.Descendants<Row>().Select(row => Read(row, strings)).ToList();
        }
        catch (Exception problem) when (problem is OpenXmlPackageException
                                            or InvalidOperationException or System.Xml.XmlException or IOException or FormatException or InvalidDataException)
        {
            throw new InvalidDataException(problem.Message, problem);
        }
    }

    private static SheetRow Read(Row row, List<string> sharedStrings)
    {
        var cells = new List<string?>();
        foreach (var cell in row.Elements<Cell>())
        {
            var column = cell.CellReference?.Value is { } reference ? ColumnIndex(reference) : cells.Count;
            while (cells.Count < column) cells.Add(null);
            cells.Add(Text(cell, sharedStrings));
        }
        while (cells.Count > 0 && string.IsNullOrEmpty(cells[^1])) cells.RemoveAt(cells.Count - 1);
        return new SheetRow(row.RowIndex?.Value ?? 0, cells);
    }

    private static string? Text(Cell cell, List<string> sharedStrings)
    {
        if (cell.DataType?.Value == CellValues.InlineString) return cell.InlineString?.InnerText;
        var value = cell.CellValue?.Text;
        if (value is null) return null;
        if (cell.DataType?.Value == CellValues.SharedString)
            return int.TryParse(value, out var index) && index < sharedStrings.Count ? sharedStrings[index] : null;
        if (cell.DataType?.Value == CellValues.Boolean) return value == "1" ? "TRUE" : "FALSE";
        return value;
    }

    /// <summary>"C7" is column 2; "AB12" is column 27.</summary>
    internal static int ColumnIndex(string reference)
    {
        var index = 0;
        foreach (var c in reference.TakeWhile(char.IsLetter)) index = index * 26 + (char.ToUpperInvariant(c) - 'A' + 1);
        return index - 1;
    }
}
