using Analytics.Etl.Pipeline;
using Analytics.Tests.Support;

namespace Analytics.Tests.Dashboard;

/// <summary>
/// A funding return's text reaches analysts' spreadsheets through the CSV downloads: a funder or service written as a
/// formula must arrive as text, not as a live formula, and the numbers beside it unchanged.
/// </summary>
public sealed class HostileDownloadTests : IDisposable
{
    private const string Formula = "=HYPERLINK(\"http://attacker.invalid\",\"Open\")";
    private readonly TemporaryWarehouse warehouse = new();

    public void Dispose() => warehouse.Dispose();

    [Fact]
    public async Task Text_a_spreadsheet_would_run_as_a_formula_is_defused_and_numbers_are_not()
    {
        var inputs = warehouse.Inputs;
        var line = FundingCsv.Line().With("funder", Formula).With("commissioned_service", "@SUM(A1:A9)").With("recipient", "+44 helpline");
        PoliceCsv.Write(inputs, "funding-returns-hostile.csv", FundingCsv.Header, FundingCsv.ToCsv(line));
        PoliceCsv.Write(inputs, "2025-05-kent-street.csv", PoliceCsv.StreetHeader, PoliceCsv.Crime("c1", month: "2025-05"));
        var run = warehouse.Run([.. RepositoryPaths.KentGeography, RepositoryPaths.Population, inputs]);
        Assert.True(run.ExitCode == ExitCode.Success, TemporaryWarehouse.Explain(run));

        using var dashboard = new DashboardFactory(warehouse.Root);
        var csv = MoneyCsv.Rows(await dashboard.CreateClient().GetStringAsync("/spend?handler=csv&chart=money-flow&year=2025/26"));

        var cells = csv.Skip(1).SelectMany(row => row).ToList();
        Assert.Contains("'" + Formula, cells);
        Assert.Contains("'@SUM(A1:A9)", cells);
        Assert.DoesNotContain(cells, cell => cell.Length > 0 && cell[0] is '=' or '+' or '@');
        Assert.Contains(csv.Skip(1), row => row.Contains("1000") || row.Contains("1000.00"));
    }
}
