using System.Globalization;
using System.Text.RegularExpressions;
using Analytics.Etl.Excel;
using Analytics.Etl.Pipeline;
using Analytics.Tests.Support;
using Microsoft.VisualBasic.FileIO;

namespace Analytics.Tests.Money;

/// <summary>
/// A return loaded twice is not money counted twice: a return is known by the funders and financial years of its
/// lines, not its file name, so the sample return saved again as .xlsx, or corrected as -v2.csv, replaces the first;
/// and lines that repeat a line of another current return are rejected naming that return's file and line.
/// </summary>
public sealed class ReturnIdentityTests : IDisposable
{
    private static readonly string SampleReturn = Path.Combine(RepositoryPaths.Sample, "funding", "funding-returns-2024-25-and-2025-26.csv");
    private readonly TemporaryWarehouse warehouse = new();

    private static List<string[]> Rows(string csv)
    {
        using var parser = new TextFieldParser(csv) { TextFieldType = FieldType.Delimited, HasFieldsEnclosedInQuotes = true };
        parser.SetDelimiters(",");
        var rows = new List<string[]>();
        while (parser.ReadFields() is { } fields) rows.Add(fields);
        return rows;
    }

    /// <summary>What a return says was spent in a year, added up from the file itself.</summary>
    private static decimal SpentIn(List<string[]> rows, string year)
    {
        var (yearColumn, spentColumn) = (Array.IndexOf(rows[0], "financial_year"), Array.IndexOf(rows[0], "amount_spent"));
        return rows.Skip(1).Where(row => row[yearColumn] == year && row[spentColumn].Length > 0)
            .Sum(row => decimal.Parse(row[spentColumn], CultureInfo.InvariantCulture));
    }

    private decimal WarehouseSpentIn(string year) =>
        warehouse.Scalar<decimal>("SELECT sum(spent) FROM marts.spend_by_district_year WHERE financial_year = $year", new { year });

    private RunResult Load(params string[] files) =>
        warehouse.Run([.. Directory.GetFiles(RepositoryPaths.Geography), RepositoryPaths.Population, .. files]);

    private static string WriteCsv(string path, IEnumerable<string[]> rows)
    {
        File.WriteAllLines(path, rows.Select(row => string.Join(",", row.Select(value =>
            value.IndexOfAny([',', '"']) >= 0 ? "\"" + value.Replace("\"", "\"\"") + "\"" : value))));
        return path;
    }

    [Fact]
    public void The_sample_return_saved_again_as_xlsx_replaces_the_CSV_instead_of_doubling_it()
    {
        var rows = Rows(SampleReturn);
        var first = Load(SampleReturn);
        Assert.True(first.ExitCode == ExitCode.Success, TemporaryWarehouse.Explain(first));
        var once = WarehouseSpentIn("2024/25");
        Assert.Equal(SpentIn(rows, "2024/25"), once);
        var workbook = Path.Combine(warehouse.Inputs, "funding-returns-2024-25-and-2025-26.xlsx");
        XlsxWriter.Write(workbook, new XlsxWriter.SheetContent("Funding return",
            rows.Select(row => (IReadOnlyList<object?>)row.Select(value => value.Length == 0 ? null : (object?)value).ToList()).ToList()));

        var again = warehouse.Run(workbook);

        Assert.True(again.ExitCode == ExitCode.Success, TemporaryWarehouse.Explain(again));
        var loaded = again.Files.Single(file => file.Kind == "funding_returns");
        Assert.Equal((rows.Count - 1L, 0L), (loaded.RowsLoaded, loaded.RowsRejected));
        Assert.Matches($@"^replaces file \d+ \({Regex.Escape(Path.GetFileName(SampleReturn))}\)$", loaded.Note);
        Assert.Equal(once, WarehouseSpentIn("2024/25"));
        Assert.Equal(Path.GetFileName(workbook), warehouse.Scalar<string>("SELECT DISTINCT source_path FROM staging.stg_funding__returns"));
    }

    [Fact]
    public void A_corrected_v2_copy_replaces_the_first_return_and_its_figures_count_once()
    {
        var rows = Rows(SampleReturn);
        Load(SampleReturn);
        var corrected = rows.Select(row => row.ToArray()).ToList();
        var spent = Array.IndexOf(rows[0], "amount_spent");
        corrected[1][spent] = (decimal.Parse(corrected[1][spent], CultureInfo.InvariantCulture) - 7.11m).ToString(CultureInfo.InvariantCulture);
        var v2 = WriteCsv(Path.Combine(warehouse.Inputs, "funding-returns-2024-25-and-2025-26-v2.csv"), corrected);

        var run = warehouse.Run(v2);

        Assert.True(run.ExitCode == ExitCode.Success, TemporaryWarehouse.Explain(run));
        Assert.Equal(SpentIn(corrected, "2024/25"), WarehouseSpentIn("2024/25"));
        Assert.Equal(SpentIn(rows, "2024/25") - 7.11m, WarehouseSpentIn("2024/25"));
        Assert.Equal(1, warehouse.Scalar<long>("SELECT count(*) FROM meta.source_files WHERE source_kind = 'funding_returns' AND status = 'loaded'"));
    }

    [Fact]
    public void Lines_repeating_another_current_return_are_rejected_naming_its_file_and_line()
    {
        var rows = Rows(SampleReturn);
        Load(SampleReturn);
        // One funder's lines of one year, copied into a return of their own: it does not cover the sample's
        // other funders and years, so it cannot replace it, and its lines are already counted.
        var funder = Array.IndexOf(rows[0], "funder");
        var homeOffice = rows.Select((row, index) => (row, line: index + 1)).Skip(1).Where(pair => pair.row[funder] == "Home Office").ToList();
        var copy = WriteCsv(Path.Combine(warehouse.Inputs, "home-office-2024-25.csv"), [rows[0], .. homeOffice.Select(pair => pair.row)]);

        var run = warehouse.Run(copy);

        Assert.True(run.ExitCode == ExitCode.Success, TemporaryWarehouse.Explain(run));
        var rejects = warehouse.Query<(long Line, string Field, string Reason)>("SELECT line_number, field, reason FROM meta.rejects ORDER BY line_number");
        Assert.Equal(homeOffice.Count, rejects.Count);
        Assert.All(rejects.Zip(homeOffice), pair =>
            Assert.Contains($"is already loaded from {Path.GetFileName(SampleReturn)}, line {pair.Second.line}", pair.First.Reason));
        Assert.Equal(SpentIn(rows, "2024/25"), WarehouseSpentIn("2024/25"));
    }

    public void Dispose() => warehouse.Dispose();
}
