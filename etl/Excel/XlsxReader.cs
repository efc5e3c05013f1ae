using System.IO.Compression;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Analytics.Etl.Excel;

/// <summary>A worksheet row: its number as Excel shows it, its cells' text by column (A = 0), and what is wrong with any cell.</summary>
public sealed record SheetRow(long Number, IReadOnlyList<string?> Cells, IReadOnlyList<CellProblem> Problems);

/// <summary>A cell whose text cannot be trusted, such as a formula saved without its value.</summary>
public sealed record CellProblem(int Column, string Reason);

/// <summary>The workbook can be opened but not used as it is (no such sheet, a cell too far right); the message says why.</summary>
public sealed class WorkbookContentException(string message) : Exception(message);

/// <summary>Bounds a workbook is checked against before any of its XML is parsed.</summary>
public sealed record WorkbookLimits(int MaxColumns, long MaxPartBytes, long MaxTotalBytes, int MaxParts, double MaxInflation)
{
    /// <summary>The ETL's limits on input files (<see cref="Loading.InputLimits"/>).</summary>
    public static WorkbookLimits Default { get; } = new(Loading.InputLimits.MaxColumns, Loading.InputLimits.MaxWorkbookPartBytes,
        Loading.InputLimits.MaxWorkbookBytes, Loading.InputLimits.MaxWorkbookEntries, Loading.InputLimits.MaxInflation);
}

/// <summary>
/// Reads the cells of one worksheet of an .xlsx file as text, the way Excel stores them, one row at a time
/// (OpenXmlReader, never the whole sheet as a document), after checking what the package expands to.
/// </summary>
public static class XlsxReader
{
    /// <param name="sheetName">The sheet to read; a workbook without it is refused, naming it and the sheets it has.</param>
    /// <exception cref="InvalidDataException">when the file is not a readable .xlsx workbook, or expands past the limits.</exception>
    /// <exception cref="WorkbookContentException">when the sheet is missing or a cell lies beyond the last column allowed.</exception>
    public static IEnumerable<SheetRow> ReadRows(string path, string sheetName, WorkbookLimits? limits = null)
    {
        limits ??= WorkbookLimits.Default;
        CheckExpansion(path, limits);
        return Translated(Rows(path, sheetName, limits));
    }

    /// <summary>
    /// Expands every part of the package to nowhere, stopping at the limits, so that a sheet that inflates to
    /// gigabytes is refused in a second instead of parsed; sizes are counted, not taken from the archive's claims.
    /// </summary>
    private static void CheckExpansion(string path, WorkbookLimits limits)
    {
        try
        {
            using var archive = ZipFile.OpenRead(path);
            var zipLimits = new Sources.ZipLimits(limits.MaxTotalBytes, limits.MaxPartBytes, limits.MaxParts, limits.MaxInflation);
            if (archive.Entries.Count > limits.MaxParts)
                throw new InvalidDataException($"the workbook holds {archive.Entries.Count:N0} parts, more than the {limits.MaxParts:N0} allowed");
            long total = 0;
            foreach (var entry in archive.Entries)
                total += Sources.BoundedEntryCopy.Copy(entry, Stream.Null, total, zipLimits,
                    problem => new InvalidDataException(problem.Replace("entry '", "part '").Replace("; it may be a zip bomb", "")));
        }
        catch (InvalidDataException) { throw; }
        catch (Exception problem) when (problem is IOException or NotSupportedException)
        {
            throw new InvalidDataException(problem.Message, problem);
        }
    }

    private static IEnumerable<SheetRow> Rows(string path, string sheetName, WorkbookLimits limits)
    {
        using var document = SpreadsheetDocument.Open(path, isEditable: false);
        var workbook = document.WorkbookPart ?? throw new InvalidDataException("the workbook has no content");
        var sheets = workbook.Workbook.Sheets?.Elements<Sheet>().ToList() ?? [];
        var sheet = sheets.FirstOrDefault(s => s.Name?.Value == sheetName) ?? throw new WorkbookContentException(
            $"the workbook has no sheet named '{sheetName}' (its sheets: {string.Join(", ", sheets.Select(s => $"'{s.Name?.Value}'"))}); the template's sheet is named '{sheetName}'");
        var part = (WorksheetPart)workbook.GetPartById(sheet.Id!.Value!);
        var strings = SharedStrings(workbook);

        using var reader = OpenXmlReader.Create(part);
        SheetRowBuilder? row = null;
        while (reader.Read())
        {
            if (reader.ElementType == typeof(Row))
            {
                if (reader.IsStartElement)
                {
                    if (row is not null) yield return row.Build(); // an empty <row/> may have no end of its own
                    var number = reader.Attributes.FirstOrDefault(a => a.LocalName == "r").Value;
                    row = new SheetRowBuilder(long.TryParse(number, out var n) ? n : 0);
                }
                else if (row is not null)
                {
                    yield return row.Build();
                    row = null;
                }
            }
            else if (reader.ElementType == typeof(Cell) && reader.IsStartElement && row is not null)
            {
                row.Add((Cell)reader.LoadCurrentElement()!, strings, sheetName, limits.MaxColumns);
            }
        }
    }

    /// <summary>The shared strings, read one item at a time.</summary>
    private static List<string> SharedStrings(WorkbookPart workbook)
    {
        var strings = new List<string>();
        if (workbook.SharedStringTablePart is not { } part) return strings;
        using var reader = OpenXmlReader.Create(part);
        while (reader.Read())
            if (reader.ElementType == typeof(SharedStringItem) && reader.IsStartElement)
                strings.Add(reader.LoadCurrentElement()!.InnerText);
        return strings;
    }

    private sealed class SheetRowBuilder(long number)
    {
        private readonly List<string?> cells = [];
        private readonly List<CellProblem> problems = [];

        public void Add(Cell cell, List<string> sharedStrings, string sheetName, int maxColumns)
        {
            var reference = cell.CellReference?.Value;
            var column = reference is not null ? ColumnIndex(reference) : cells.Count;
            if (column >= maxColumns)
                throw new WorkbookContentException(
                    $"sheet '{sheetName}' has a value in cell {reference ?? $"{ColumnName(column)}{number}"}, beyond column {ColumnName(maxColumns - 1)}, the last of the {maxColumns:N0} columns allowed");
            while (cells.Count < column) cells.Add(null);
            if (column < cells.Count) cells[column] = Text(cell, sharedStrings); // a repeated reference: the later cell wins, as in Excel
            else cells.Add(Text(cell, sharedStrings));
            if (cell.CellFormula is not null && cell.CellValue is null)
                problems.Add(new CellProblem(column,
                    $"cell {reference ?? ColumnName(column) + number} holds a formula with no saved value (={cell.CellFormula.Text}): open the file in Excel and save it again, or type the value"));
        }

        public SheetRow Build()
        {
            while (cells.Count > 0 && string.IsNullOrEmpty(cells[^1]) && !problems.Any(p => p.Column == cells.Count - 1)) cells.RemoveAt(cells.Count - 1);
            return new SheetRow(number, cells, problems);
        }
    }

    private static string? Text(Cell cell, List<string> sharedStrings)
    {
        if (cell.DataType?.Value == CellValues.InlineString) return cell.InlineString?.InnerText;
        var value = cell.CellValue?.Text;
        if (value is null) return null;
        if (cell.DataType?.Value == CellValues.SharedString)
            return int.TryParse(value, out var index) && index >= 0 && index < sharedStrings.Count ? sharedStrings[index] : null;
        if (cell.DataType?.Value == CellValues.Boolean) return value == "1" ? "TRUE" : "FALSE";
        return value;
    }

    /// <summary>Turns the OpenXml SDK's and the XML reader's exceptions, thrown as rows are read, into InvalidDataException.</summary>
    private static IEnumerable<SheetRow> Translated(IEnumerable<SheetRow> rows)
    {
        using var enumerator = rows.GetEnumerator();
        while (true)
        {
            try
            {
                if (!enumerator.MoveNext()) yield break;
            }
            catch (Exception problem) when (problem is OpenXmlPackageException
                                                or InvalidOperationException or System.Xml.XmlException or IOException or FormatException)
            {
                throw new InvalidDataException(problem.Message, problem);
            }
            yield return enumerator.Current;
        }
    }

    /// <summary>"C7" is column 2; "AB12" is column 27. Stops counting past any sheet's width, so "PZZZZZZZZZ1" cannot overflow.</summary>
    internal static int ColumnIndex(string reference)
    {
        long index = 0;
        foreach (var c in reference.TakeWhile(char.IsAsciiLetter))
            index = Math.Min(index * 26 + (char.ToUpperInvariant(c) - 'A' + 1), int.MaxValue);
        return (int)(index - 1);
    }

    /// <summary>0 is A, 26 is AA.</summary>
    public static string ColumnName(int index)
    {
        var name = "";
        for (var n = index + 1; n > 0; n = (n - 1) / 26) name = (char)('A' + (n - 1) % 26) + name;
        return name;
    }
}
