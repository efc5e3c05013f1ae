using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Analytics.Tests.Support;

namespace Analytics.Tests.Dashboard;

/// <summary>
/// Every page for a force area other than the default: Essex, whose 2025 data the sample holds with no funding
/// returns and no Police and Crime Plan. Figures are checked against the marts (or counted here from them).
/// </summary>
[Collection(DashboardCollection.Name)]
public sealed partial class ForceAreaPageTests(DashboardFixture dashboard)
{
    private const string Essex = "E23000028";
    private const string Chelmsford = "E07000070";

    public static TheoryData<string> Pages => new()
    {
        "/", "/spend", "/outcomes", "/value-for-money", "/crime", "/crime?level=partnership", "/allocation", "/panel-report",
        "/districts/" + Chelmsford,
    };

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Every_page_answers_for_Essex_and_names_it(string page)
    {
        var html = await dashboard.Page(page + (page.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "area=" + Essex);
        var text = HtmlText.Text(html);

        Assert.Contains("Essex", Title().Match(html).Groups[1].Value);
        Assert.DoesNotContain("Kent", Title().Match(html).Groups[1].Value);
        Assert.DoesNotContain("Some filters could not be used", text);
        // The navigation keeps the area chosen.
        Assert.Contains($"href=\"/crime?area={Essex}\"", html);
    }

    [Fact]
    public async Task The_overview_shows_Essex_figures_and_says_no_funding_or_plan_is_loaded()
    {
        var text = HtmlText.Text(await dashboard.Page($"/?area={Essex}&year=2025/26"));
        // Counted here from the crime mart's records: every recorded crime Essex Police published in the year.
        var crimes = dashboard.Warehouse.Scalar<long>(
            $"SELECT CAST(sum(incidents) AS BIGINT) FROM marts.crime_by_district_month WHERE force_code = '{Essex}' AND financial_year = '2025/26' AND is_recorded_crime");
        var asb = dashboard.Warehouse.Scalar<long>(
            $"SELECT CAST(sum(incidents) AS BIGINT) FROM marts.crime_by_district_month WHERE force_code = '{Essex}' AND financial_year = '2025/26' AND NOT is_recorded_crime");

        Assert.True(crimes > 0);
        Assert.Contains($"Recorded crimes {crimes:N0} and {asb:N0} anti-social behaviour incidents in 9 months", text);
        Assert.Contains("No funding returns are loaded for Essex in 2025/26", text);
        Assert.Contains("No Police and Crime Plan results are loaded for Essex", text);
        Assert.Contains("Latest month of police data December 2025", text);
    }

    [Fact]
    public async Task The_crime_page_district_figures_are_the_marts_for_Essex()
    {
        var html = await dashboard.Page($"/crime?area={Essex}&year=2025/26");
        var table = HtmlText.Table(html, "per 1,000 residents by district");
        var expected = dashboard.Warehouse.Query<(string Name, string Code, long Incidents, double Rate)>("""
            SELECT area_name, area_code, incidents, incidents_per_1000 FROM marts.crime_rates_by_area_year
            WHERE area_type = 'district' AND force_area_code = $area AND financial_year = '2025/26' AND crime_type = 'All recorded crime'
            ORDER BY area_name
            """, new { area = Essex });

        Assert.Equal(14, expected.Count);
        Assert.Equal(expected.Select(e => new[] { e.Name, e.Code, e.Incidents.ToString("N0", CultureInfo.InvariantCulture), e.Rate.ToString("N1", CultureInfo.InvariantCulture) }),
            table.Select(row => row.Take(4).ToArray()));
        // Districts add up to less than the force area, and the page says why.
        var outside = dashboard.Warehouse.Scalar<long>(
            $"SELECT CAST(sum(incidents) AS BIGINT) FROM marts.crime_by_district_month WHERE force_code = '{Essex}' AND financial_year = '2025/26' AND district_force_area_code <> '{Essex}'");
        var text = HtmlText.Text(html);
        Assert.Contains("Figures for Essex as a whole count every record its force published; a district counts the force's records located in it", text);
        Assert.Contains($"{outside:N0} incidents had no usable location or were placed outside the area", text);
        Assert.Contains($"<a href=\"/districts/{Chelmsford}?area={Essex}&amp;year=2025%2F26\">Chelmsford</a>", html);
    }

    [Fact]
    public async Task The_map_draws_exactly_the_districts_of_Essex()
    {
        var html = await dashboard.Page($"/crime?area={Essex}&year=2025/26");
        var (figure, island) = HtmlText.Chart(html, "district-rates");
        var choropleth = figure["data"]!.AsArray().Single(trace => (string?)trace!["type"] == "choropleth")!;
        var drawn = choropleth["geojson"]!["features"]!.AsArray().Select(f => (string)f!["properties"]!["LAD23CD"]!).Order().ToList();
        var districts = dashboard.Warehouse.Query<string>(
            $"SELECT DISTINCT area_code FROM marts.crime_rates_by_area_year WHERE area_type = 'district' AND force_area_code = '{Essex}' ORDER BY 1");

        Assert.Equal(14, drawn.Count);
        Assert.Equal(districts, drawn);
        Assert.Contains(Chelmsford, drawn);
        Assert.Equal("locations", (string?)figure["layout"]!["geo"]!["fitbounds"]);
        Assert.DoesNotContain("http", island, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Figures_by_partnership_are_the_marts_and_keep_the_level_in_links()
    {
        var html = await dashboard.Page($"/crime?area={Essex}&year=2025/26&level=partnership");
        var table = HtmlText.Table(html, "per 1,000 residents by partnership");
        var expected = dashboard.Warehouse.Query<(string Name, long Incidents, double Rate, double Low, double High)>("""
            SELECT area_name, incidents, incidents_per_1000, incidents_per_1000_ci_low, incidents_per_1000_ci_high FROM marts.crime_rates_by_area_year
            WHERE area_type = 'partnership' AND force_area_code = $area AND financial_year = '2025/26' AND crime_type = 'All recorded crime'
            ORDER BY area_name
            """, new { area = Essex });
        static string Rate(double value) => value.ToString("N1", CultureInfo.InvariantCulture);

        Assert.NotEmpty(expected);
        Assert.Equal(expected.Select(e => new[] { e.Name, e.Incidents.ToString("N0", CultureInfo.InvariantCulture), Rate(e.Rate), Rate(e.Low), Rate(e.High) }),
            table.Select(row => new[] { row[0], row[2], row[3], row[4], row[5] }));
        Assert.Contains("a partnership counts the force's records located in it", HtmlText.Text(html));
        Assert.Contains($"?handler=csv&amp;chart=partnership-rates&amp;area={Essex}&amp;year=2025%2F26&amp;level=partnership", html);
        var csv = (await dashboard.Client().GetStringAsync($"/crime?handler=csv&chart=partnership-rates&area={Essex}&year=2025/26&level=partnership")).Trim().Split('\n');
        Assert.Equal(table.Count, csv.Length - 1);
    }

    [Fact]
    public async Task A_split_districts_rule_is_stated_only_where_the_mart_has_one()
    {
        // No force area of the sample has a split district, so no page states a rule; one loaded would show the mart's.
        var rules = dashboard.Warehouse.Query<(string ForceArea, string Rule)>(
            "SELECT DISTINCT force_area_code, assignment_rule FROM marts.crime_rates_by_area_year WHERE area_type = 'partnership' AND assignment_rule IS NOT NULL");
        foreach (var (forceArea, rule) in rules)
            Assert.Contains(rule, HtmlText.Text(await dashboard.Page($"/crime?area={forceArea}&level=partnership")));
        Assert.DoesNotContain("Split districts:", HtmlText.Text(await dashboard.Page($"/crime?area={Essex}&level=partnership")));
    }

    [Fact]
    public async Task An_Essex_district_page_shows_its_marts_figures_whatever_area_the_address_names()
    {
        var html = await dashboard.Page($"/districts/{Chelmsford}?year=2025/26");
        var text = HtmlText.Text(html);
        var (rate, low, high, crimes) = dashboard.Warehouse.Query<(double, double, double, long)>(
            $"SELECT crimes_per_1000_population, crimes_per_1000_ci_low, crimes_per_1000_ci_high, recorded_crimes FROM marts.value_for_money WHERE financial_year = '2025/26' AND district_code = '{Chelmsford}'").Single();
        var area = dashboard.Warehouse.Scalar<double>(
            $"SELECT recorded_crimes_per_1000 FROM marts.area_profile_by_year WHERE area_type = 'force_area' AND area_code = '{Essex}' AND financial_year = '2025/26'");

        Assert.Contains("Chelmsford: crime, spend and the plan", text);
        Assert.Contains("Essex, financial year 2025/26", text);
        Assert.Contains($"Recorded crime per 1,000 residents a year {rate:N1} 95% interval {low:N1} to {high:N1}; Essex as a whole {area:N1}", text);
        Assert.Contains($"Recorded crimes {crimes:N0}", text);
        Assert.Contains($"/crime?area={Essex}&amp;year=2025%2F26&amp;district={Chelmsford}", html);
        var rates = HtmlText.Table(html, "Recorded crime per 1,000 residents, Chelmsford against Essex");
        Assert.Equal(14 + 1, rates.Count);
    }

    [Fact]
    public async Task Pages_without_funding_returns_or_a_plan_say_so_in_words()
    {
        Assert.Contains("No funding returns are loaded for Essex in 2025/26", HtmlText.Text(await dashboard.Page($"/spend?area={Essex}")));
        Assert.Contains("No funding returns are loaded for Essex in 2025/26", HtmlText.Text(await dashboard.Page($"/value-for-money?area={Essex}")));
        Assert.Contains("No funding returns are loaded for Essex, so there is no grant", HtmlText.Text(await dashboard.Page($"/allocation?area={Essex}")));
        Assert.Contains("No Police and Crime Plan is loaded for Essex", HtmlText.Text(await dashboard.Page($"/outcomes?area={Essex}")));
        var report = HtmlText.Text(await dashboard.Page($"/panel-report?area={Essex}"));
        Assert.Contains("Police and Crime Panel report: Essex, 2025/26", report);
        Assert.Contains("No Police and Crime Plan is loaded for Essex", report);
        Assert.Contains("No funding returns are loaded for Essex for 2025/26", report);
        Assert.Equal(14, HtmlText.Table(await dashboard.Page($"/panel-report?area={Essex}"), "Cost per crime and crime rate by district").Count);
    }

    [Theory]
    [InlineData("E23999999", "No police data is loaded for the force area ‘E23999999’. Showing Kent.")]
    [InlineData("Narnia", "‘Narnia’ is not a police force area code (they look like E23000028). Showing Kent.")]
    public async Task An_unknown_area_gets_a_message_and_the_default(string area, string message)
    {
        foreach (var page in new[] { "/", "/crime", "/spend", "/value-for-money", "/outcomes", "/allocation", "/panel-report" })
        {
            var html = await dashboard.Page($"{page}?area={Uri.EscapeDataString(area)}");
            var text = HtmlText.Text(html);
            Assert.Contains(message, text);
            Assert.Contains("Kent", Title().Match(html).Groups[1].Value);
        }
    }

    [Fact]
    public async Task An_unknown_level_gets_a_message_and_districts()
    {
        var html = await dashboard.Page($"/crime?area={Essex}&level=county");
        Assert.Contains("‘county’ is not a level figures are shown at: choose district or partnership. Showing districts.", HtmlText.Text(html));
        Assert.Equal(14, HtmlText.Table(html, "per 1,000 residents by district").Count);
    }

    [Fact]
    public async Task Only_force_areas_with_data_are_offered()
    {
        var html = await dashboard.Page("/crime");
        var offered = AreaOption().Matches(html).Select(m => m.Groups[1].Value).Order().ToList();
        var loaded = dashboard.Warehouse.Query<string>(
            "SELECT DISTINCT force_code FROM marts.crime_by_district_month ORDER BY 1");
        Assert.Equal(loaded, offered);
        Assert.Contains("<option value=\"E23000032\" selected=\"selected\">Kent</option>", html);
    }

    [GeneratedRegex("<title>(.*?)</title>", RegexOptions.Singleline)]
    private static partial Regex Title();

    [GeneratedRegex("<option value=\"(E23\\d{6}|W15\\d{6})\"")]
    private static partial Regex AreaOption();
}
