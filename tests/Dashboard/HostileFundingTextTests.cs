using Analytics.Etl.Pipeline;
using Analytics.Tests.Support;

namespace Analytics.Tests.Dashboard;

/// <summary>
/// A funding return's text reaches analysts through the CSV downloads and the charts: a funder or service written as
/// a formula must arrive in a spreadsheet as text, not as a live formula, with the numbers beside it unchanged; a
/// service named with markup must be drawn as text, not as a link.
/// </summary>
public sealed class HostileFundingTextTests(HostileFundingTextTests.Warehouse warehouse) : IClassFixture<HostileFundingTextTests.Warehouse>
{
    private const string Formula = "=HYPERLINK(\"http://attacker.invalid\",\"Open\")";
    private const string Markup = "<a href=\"http://attacker.invalid\">Click</a> & <b>win</b>";

    /// <summary>One warehouse with a formula line and a markup line, read by one dashboard.</summary>
    public sealed class Warehouse : IDisposable
    {
        private readonly TemporaryWarehouse warehouse = new();
        public DashboardFactory Dashboard { get; }

        public Warehouse()
        {
            var inputs = warehouse.Inputs;
            var formula = FundingCsv.Line().With("funder", Formula).With("commissioned_service", "@SUM(A1:A9)").With("recipient", "+44 helpline");
            var markup = FundingCsv.Line("Dartford Community Safety Partnership").With("commissioned_service", Markup);
            PoliceCsv.Write(inputs, "funding-returns-hostile.csv", FundingCsv.Header, FundingCsv.ToCsv(formula), FundingCsv.ToCsv(markup));
            PoliceCsv.Write(inputs, "2025-05-kent-street.csv", PoliceCsv.StreetHeader, PoliceCsv.Crime("c1", month: "2025-05"));
            var run = warehouse.Run([.. RepositoryPaths.KentGeography, RepositoryPaths.Population, inputs]);
            if (run.ExitCode != ExitCode.Success) throw new InvalidOperationException(TemporaryWarehouse.Explain(run));
            Dashboard = new DashboardFactory(warehouse.Root);
        }

        public void Dispose()
        {
            Dashboard.Dispose();
            warehouse.Dispose();
        }
    }

    [Fact]
    public async Task Text_a_spreadsheet_would_run_as_a_formula_is_defused_and_numbers_are_not()
    {
        var csv = MoneyCsv.Rows(await warehouse.Dashboard.CreateClient().GetStringAsync("/spend?handler=csv&chart=money-flow&year=2025/26"));

        var cells = csv.Skip(1).SelectMany(row => row).ToList();
        Assert.Contains("'" + Formula, cells);
        Assert.Contains("'@SUM(A1:A9)", cells);
        Assert.DoesNotContain(cells, cell => cell.Length > 0 && cell[0] is '=' or '+' or '@');
        Assert.Contains(csv.Skip(1), row => row.Contains("1000") || row.Contains("1000.00"));
    }

    [Fact]
    public async Task Markup_in_a_name_reaches_the_chart_as_text_not_as_a_link()
    {
        var page = await warehouse.Dashboard.CreateClient().GetStringAsync("/spend?year=2025/26");

        var figure = HtmlText.Chart(page, "money-flow").Figure;
        var labels = figure["data"]!.AsArray().SelectMany(trace => trace!["node"]?["label"]?.AsArray() ?? []).Select(label => label!.GetValue<string>()).ToList();
        // Plotly turns &lt; &gt; &amp; back into the characters and draws them; only real tags would be drawn as markup.
        Assert.Contains("&lt;a href=\"http://attacker.invalid\"&gt;Click&lt;/a&gt; &amp; &lt;b&gt;win&lt;/b&gt;", labels);
        Assert.DoesNotContain(labels, label => label.Contains('<', StringComparison.Ordinal));
        Assert.DoesNotContain("<a href=\"http://attacker.invalid\"", page, StringComparison.Ordinal);
    }
}
