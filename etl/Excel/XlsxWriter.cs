using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Analytics.Etl.Excel;

/// <summary>Writes simple workbooks: named sheets of text and number cells, the first row of each in bold.</summary>
public static class XlsxWriter
{
    public sealed record SheetContent(string Name, IReadOnlyList<IReadOnlyList<object?>> Rows);

    public static void Write(string path, params SheetContent[] sheets)
    {
        using var document = SpreadsheetDocument.Create(path, SpreadsheetDocumentType.Workbook);
        var workbook = document.AddWorkbookPart();
        workbook.Workbook = new Workbook();
        var styles = workbook.AddNewPart<WorkbookStylesPart>();
        styles.Stylesheet = BoldHeaderStyles();
        var sheetList = workbook.Workbook.AppendChild(new Sheets());
        uint sheetId = 1;
        foreach (var content in sheets)
        {
            var part = workbook.AddNewPart<WorksheetPart>();
            var data = new SheetData();
            uint rowNumber = 1;
            foreach (var values in content.Rows)
            {
                var row = new Row { RowIndex = rowNumber };
                foreach (var (value, column) in values.Select((value, column) => (value, column)))
                    if (value is not null) row.AppendChild(CellFor(value, $"{XlsxReader.ColumnName(column)}{rowNumber}", bold: rowNumber == 1));
                data.AppendChild(row);
                rowNumber++;
            }
            part.Worksheet = new Worksheet(data);
            sheetList.AppendChild(new Sheet { Id = workbook.GetIdOfPart(part), SheetId = sheetId++, Name = content.Name });
        }
        workbook.Workbook.Save();
    }

    private static Cell CellFor(object value, string reference, bool bold)
    {
        var cell = value switch
        {
            decimal or double or int or long => new Cell
            {
                DataType = CellValues.Number,
                CellValue = new CellValue(Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture)!),
            },
            _ => new Cell { DataType = CellValues.InlineString, InlineString = new InlineString(new Text(value.ToString()!)) },
        };
        cell.CellReference = reference;
        if (bold) cell.StyleIndex = 1;
        return cell;
    }

    private static Stylesheet BoldHeaderStyles() => new(
        new Fonts(new Font(), new Font(new Bold())),
        new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })),
        new Borders(new Border()),
        new CellFormats(new CellFormat(), new CellFormat { FontId = 1, ApplyFont = true }));
}
