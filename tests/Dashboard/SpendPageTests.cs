using System.Globalization;
using Analytics.Tests.Support;

namespace Analytics.Tests.Dashboard;

[Collection(DashboardCollection.Name)]
public sealed class SpendPageTests(DashboardFixture dashboard)
{
    private const string KentSpend = """
        FROM marts.spend_by_district_year AS spend JOIN core.dim_district AS district ON district.district_code = spend.district_code AND district.is_current
        WHERE district.force_area_code = 'E23000032' AND spend.financial_year = '2025/26'
        """;

    private static string Pounds(decimal value) => "£" + value.ToString("N0", CultureInfo.InvariantCulture);
    private static string Pence(double value) => "£" + Math.Round((decimal)value, 2).ToString("N2", CultureInfo.InvariantCulture);

    [Fact]
    public async Task Headline_figures_are_the_marts_figures()
    {
        var text = HtmlText.Text(await dashboard.Page("/spend?year=2025/26"));
        var allocated = dashboard.Warehouse.Scalar<decimal>("SELECT sum(allocated) " + KentSpend);
        var spent = dashboard.Warehouse.Scalar<decimal>("SELECT sum(spent) " + KentSpend);
        var illustrative = dashboard.Warehouse.Scalar<decimal>("SELECT sum(allocated) " + KentSpend + " AND source = 'illustrative'");
        var apportioned = dashboard.Warehouse.Scalar<decimal>("SELECT sum(allocated) " + KentSpend + " AND is_apportioned");

        Assert.Contains("Where does the money go?", text);
        Assert.Contains($"Allocated in 2025/26 {Pounds(allocated)}", text);
        Assert.Contains($"Spent so far {Pounds(spent)}", text);
        Assert.Contains($"Illustrative money {Pounds(illustrative)}", text);
        Assert.Contains($"Shared out by population: {Pounds(apportioned)} comes from lines that serve more than one district", text);
    }

    [Fact]
    public async Task District_figures_are_the_marts_figures()
    {
        var html = await dashboard.Page("/spend?year=2025/26");
        var byDistrict = HtmlText.Table(html, "Money allocated and spent by district");
        var expected = dashboard.Warehouse.Query<(string District, decimal Allocated, decimal Spent, decimal Illustrative)>("""
            SELECT spend.district_name, sum(allocated), coalesce(sum(spent), 0), coalesce(sum(allocated) FILTER (WHERE source = 'illustrative'), 0)
            """ + KentSpend + " GROUP BY spend.district_name ORDER BY spend.district_name");
        Assert.Equal(13, byDistrict.Count);
        Assert.Equal(expected.Select(e => new[] { e.District, Pounds(e.Allocated), Pounds(e.Spent), Pounds(e.Illustrative) }),
            byDistrict.Select(row => row.Take(4).ToArray()));

        var perResident = HtmlText.Table(html, "Spent per 1,000 residents by district");
        var value = dashboard.Warehouse.Query<(string District, long Population, double Per1000, double PerCrime)>("""
            SELECT vfm.district_name, vfm.population, vfm.spend_per_1000_population, vfm.spend_per_crime FROM marts.value_for_money AS vfm
            JOIN core.dim_district AS district ON district.district_code = vfm.district_code AND district.is_current
            WHERE district.force_area_code = 'E23000032' AND vfm.financial_year = '2025/26' ORDER BY vfm.district_name
            """);
        Assert.Equal(value.Select(v => new[] { v.District, v.Population.ToString("N0", CultureInfo.InvariantCulture), Pounds(Math.Round((decimal)v.Per1000, 2)), Pence(v.PerCrime) }),
            perResident.Select(row => new[] { row[0], row[1], row[3], row[4] }));
    }

    [Fact]
    public async Task Breakdowns_and_the_money_flow_add_up_to_the_marts_totals()
    {
        var html = await dashboard.Page("/spend?year=2025/26");
        var funders = HtmlText.Table(html, "Allocated and spent by funder");
        var expected = dashboard.Warehouse.Query<(string Funder, decimal Allocated)>("SELECT funder, sum(allocated) AS a " + KentSpend + " GROUP BY funder ORDER BY a DESC, funder");
        Assert.Equal(expected.Select(e => new[] { e.Funder, Pounds(e.Allocated) }), funders.Select(row => row.Take(2).ToArray()));

        var models = HtmlText.Table(html, "Allocated and spent by commissioning model");
        Assert.Equal(dashboard.Warehouse.Scalar<long>("SELECT count(DISTINCT commissioning_model) " + KentSpend), models.Count);
        Assert.Contains(models, row => row[0] == "Service level");

        // Each stage of the Sankey carries all the money: CSV amounts are exact.
        var total = dashboard.Warehouse.Scalar<decimal>("SELECT sum(allocated) " + KentSpend);
        var flow = MoneyCsv.Rows(await dashboard.Client().GetStringAsync("/spend?handler=csv&chart=money-flow&year=2025/26"));
        Assert.Equal(["stage", "from", "to", "amount"], flow[0]);
        foreach (var stage in new[] { "Funder to funding stream", "Funding stream to district", "District to service" })
            Assert.Equal(total, flow.Skip(1).Where(r => r[0] == stage).Sum(r => decimal.Parse(r[3], CultureInfo.InvariantCulture)));
    }

    [Theory]
    [InlineData("spend-by-district", "Money allocated and spent by district")]
    [InlineData("spend-per-resident", "Spent per 1,000 residents by district")]
    [InlineData("spend-by-funder", "Allocated and spent by funder")]
    [InlineData("spend-by-funding-stream", "Allocated and spent by funding stream")]
    [InlineData("spend-by-commissioning-model", "Allocated and spent by commissioning model")]
    [InlineData("spend-by-budget-arrangement", "Allocated and spent by budget arrangement")]
    [InlineData("money-flow", "How money flows from funders to services")]
    public async Task Each_charts_CSV_holds_the_same_rows_as_its_table(string chart, string caption)
    {
        const string filters = "year=2024/25&district=E06000035";
        var table = HtmlText.Table(await dashboard.Page("/spend?" + filters), caption);
        var csv = MoneyCsv.Rows(await dashboard.Client().GetStringAsync($"/spend?handler=csv&chart={chart}&{filters}"));
        Assert.NotEmpty(table);
        Assert.Equal(table.Count, csv.Count - 1);
        Assert.Equal(table.Select(row => row[0]), csv.Skip(1).Select(row => row[0]));
        Assert.All(csv, row => Assert.Equal(table[0].Count, row.Count));
    }

    [Fact]
    public async Task The_district_filter_narrows_the_page_to_one_district()
    {
        var html = await dashboard.Page("/spend?year=2025/26&district=E06000035");
        var text = HtmlText.Text(html);
        var medway = dashboard.Warehouse.Scalar<decimal>("SELECT sum(allocated) " + KentSpend + " AND spend.district_code = 'E06000035'");

        Assert.Contains($"Allocated in 2025/26 {Pounds(medway)} to Medway", text);
        Assert.Equal([["Medway"]], HtmlText.Table(html, "Money allocated and spent by district").Select(row => row.Take(1).ToList()));
        Assert.Equal(13, HtmlText.Table(html, "Spent per 1,000 residents by district").Count);
        var lines = HtmlText.Table(html, "Funding lines, Medway");
        Assert.Equal(dashboard.Warehouse.Scalar<long>("SELECT count(DISTINCT return_line_key) " + KentSpend + " AND spend.district_code = 'E06000035'"), lines.Count);
        Assert.All(HtmlText.Table(html, "How money flows").Where(row => row[0] == "Funding stream to district"), row => Assert.Equal("Medway", row[2]));
    }

    [Fact]
    public async Task Funding_lines_say_which_are_illustrative_and_which_were_shared_by_population()
    {
        var lines = HtmlText.Table(await dashboard.Page("/spend?year=2024/25"), "Funding lines, Kent, 2024/25");
        var published = dashboard.Warehouse.Scalar<long>("""
            SELECT count(DISTINCT return_line_key) FROM marts.spend_by_district_year WHERE financial_year = '2024/25' AND source = 'published'
            """);
        Assert.Equal(published, lines.Count(row => row[3] == "Published"));
        Assert.All(lines, row => Assert.True(row[3] is "Published" or "Illustrative", row[3]));
        Assert.Contains(lines, row => row[4].StartsWith("Shared by population share of the 13 districts served", StringComparison.Ordinal));
        Assert.Contains(lines, row => row[4] == "Not shared: it serves one district");
        Assert.Contains(lines, row => row[6] == "none reported");
    }

    [Theory]
    [InlineData("/spend?year=abc", "‘abc’ is not a financial year")]
    [InlineData("/spend?year=2019/20", "There is no data for 2019/20")]
    [InlineData("/spend?year=2025/26&district=E09000001", "is not a district of Kent")]
    public async Task A_bad_filter_value_gets_a_message_not_an_error(string address, string message)
    {
        var text = HtmlText.Text(await dashboard.Page(address));
        Assert.Contains(message, text);
        Assert.Contains("Some filters could not be used", text);
        Assert.Contains("Where does the money go?", text);
    }
}

/// <summary>Reads the dashboard's CSV downloads, quoted fields included.</summary>
internal static class MoneyCsv
{
    public static List<List<string>> Rows(string text)
    {
        var rows = new List<List<string>>();
        foreach (var line in text.Replace("\r", "", StringComparison.Ordinal).Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var fields = new List<string>();
            var field = new System.Text.StringBuilder();
            var quoted = false;
            for (var i = 0; i < line.Length; i++)
            {
                var c = line[i];
                if (quoted && c == '"' && i + 1 < line.Length && line[i + 1] == '"') { field.Append('"'); i++; }
                else if (c == '"') quoted = !quoted;
                else if (c == ',' && !quoted) { fields.Add(field.ToString()); field.Clear(); }
                else field.Append(c);
            }
            fields.Add(field.ToString());
            rows.Add(fields);
        }
        return rows;
    }
}
