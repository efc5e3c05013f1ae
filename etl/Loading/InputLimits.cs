namespace Analytics.Etl.Loading;

/// <summary>
/// Bounds on what one input file may hold, checked before the heavy work (DuckDB's CSV reader, the workbook's
/// cells), so that a hostile or broken file is refused or rejected in seconds instead of taking the run's time
/// and memory. Published files are far inside them; documented in etl/README.md ("Limits on input files").
/// </summary>
public static class InputLimits
{
    /// <summary>Fields in a CSV header, and columns of a worksheet. ONS single-year-of-age files have about 100.</summary>
    public const int MaxColumns = 1_000;

    /// <summary>Bytes in one CSV line; a data.police.uk line is about 250. A longer data line is a reject, a longer header refuses the file.</summary>
    public const int MaxLineBytes = 1024 * 1024;

    /// <summary>Bytes any one part of an .xlsx workbook (a sheet, its shared strings) may expand to.</summary>
    public const long MaxWorkbookPartBytes = 64L * 1024 * 1024;

    /// <summary>Bytes all parts of an .xlsx workbook may expand to together.</summary>
    public const long MaxWorkbookBytes = 128L * 1024 * 1024;

    /// <summary>How many times its compressed size a workbook part may expand (past its first MiB); real sheets expand 5 to 30 times.</summary>
    public const double MaxInflation = 100;

    /// <summary>Entries (parts) in an .xlsx package.</summary>
    public const int MaxWorkbookEntries = 1_000;
}
