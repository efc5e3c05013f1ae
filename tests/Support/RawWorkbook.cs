using System.IO.Compression;
using System.Security;
using Analytics.Etl.Excel;

namespace Analytics.Tests.Support;

/// <summary>
/// Writes an .xlsx by hand, byte for byte, for workbooks that Excel libraries will not write: a formula with no
/// saved value, a cell far to the right, a sheet that inflates hundreds of times.
/// </summary>
public static class RawWorkbook
{
    public static string Write(string path, string sheetName, IEnumerable<string> rowsXml)
    {
        using var archive = ZipFile.Open(path, ZipArchiveMode.Create);
        Text(archive, "[Content_Types].xml", """<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>""");
        Text(archive, "_rels/.rels", """<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>""");
        Text(archive, "xl/workbook.xml", $"""<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="{SecurityElement.Escape(sheetName)}" sheetId="1" r:id="rId1"/></sheets></workbook>""");
        Text(archive, "xl/_rels/workbook.xml.rels", """<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>""");
        using var sheet = new StreamWriter(archive.CreateEntry("xl/worksheets/sheet1.xml", CompressionLevel.SmallestSize).Open());
        sheet.Write("""<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>""");
        foreach (var row in rowsXml) sheet.Write(row);
        sheet.Write("</sheetData></worksheet>");
        return path;
    }

    /// <summary>A row of inline-string cells from column A; a null value leaves its cell out.</summary>
    public static string Row(int number, IEnumerable<string?> values) =>
        $"<row r=\"{number}\">" + string.Concat(values.Select((value, column) => value is null ? "" :
            $"<c r=\"{Column(column)}{number}\" t=\"inlineStr\"><is><t>{SecurityElement.Escape(value)}</t></is></c>")) + "</row>";

    public static string Column(int index) => XlsxReader.ColumnName(index);

    private static void Text(ZipArchive archive, string name, string text)
    {
        using var writer = new StreamWriter(archive.CreateEntry(name).Open());
        writer.Write(text);
    }
}
