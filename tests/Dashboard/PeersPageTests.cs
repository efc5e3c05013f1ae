using System.Globalization;
using System.Text.RegularExpressions;
using Analytics.Dashboard.Charts;
using Analytics.Tests.Support;
using Analytics.Warehouse.Queries;

namespace Analytics.Tests.Dashboard;

/// <summary>
/// The peers page on the bundled sample (Kent the default force area; Essex, Sussex, Surrey and City of London loaded
/// beside it): every figure is the marts' own, read here independently of the page's query class.
/// </summary>
[Collection(DashboardCollection.Name)]
public sealed partial class PeersPageTests(DashboardFixture dashboard)
{
    private const string Kent = "E23000032";
    private const string Year = "2025/26";

    private sealed record Expected(string Name, string Code, long Months, long? Count, long? Residents, double? Value, double? Low, double? High);

    private static string N0(long? value) => value is null ? "–" : value.Value.ToString("N0", CultureInfo.InvariantCulture);
    private static string N1(double? value) => value is null ? "–" : value.Value.ToString("N1", CultureInfo.InvariantCulture);
    private static string Percent(double? value) => value is null ? "–" : (value.Value * 100).ToString("N1", CultureInfo.InvariantCulture) + "%";

    /// <param name="count">The mart's count column beside the measure: incidents, positive outcomes.</param>
    private List<Expected> ForceAreas(string value, string count) => dashboard.Warehouse.Query<Expected>($"""
        SELECT area_name AS Name, area_code AS Code, months_covered::BIGINT AS Months, {count}::BIGINT AS Count, population::BIGINT AS Residents,
               {value}::DOUBLE AS Value, {value}_ci_low::DOUBLE AS Low, {value}_ci_high::DOUBLE AS High
        FROM marts.area_profile_by_year
        WHERE area_type = 'force_area' AND financial_year = $year AND {value} IS NOT NULL
        ORDER BY {value} DESC, area_name
        """, new { year = Year });

    private static IEnumerable<string[]> Shown(IEnumerable<Expected> expected, Func<double?, string> format) =>
        expected.Select((e, i) => new[] { e.Name, e.Code == Kent ? "Yes" : "No", (i + 1).ToString(CultureInfo.InvariantCulture), e.Months.ToString(CultureInfo.InvariantCulture),
            N0(e.Count), N0(e.Residents), format(e.Value), format(e.Low), format(e.High) });

    [Theory]
    [InlineData("Recorded crime per 1,000 residents, Kent beside", "recorded_crimes_per_1000", "recorded_crimes", false)]
    [InlineData("Anti-social behaviour per 1,000 residents, Kent beside", "anti_social_behaviour_per_1000", "anti_social_behaviour", false)]
    [InlineData("Positive outcome rate, Kent beside", "positive_outcome_rate", "positive_outcomes", true)]
    public async Task Force_areas_are_ranked_on_the_marts_figures_with_their_intervals(string caption, string value, string count, bool percent)
    {
        var table = HtmlText.Table(await dashboard.Page("/peers?year=" + Year), caption);
        var expected = ForceAreas(value, count);

        Assert.True(expected.Count >= 3, "the sample has Kent, Essex and Sussex in 2025/26");
        Assert.Equal(Shown(expected, percent ? Percent : N1), table.Take(expected.Count).Select(row => row.Take(9).ToArray()));
        Assert.All(table.Skip(expected.Count), row => Assert.Equal("No police data for " + Year, row[^1]));
    }

    [Fact]
    public async Task Spend_per_resident_is_ranked_where_funding_returns_exist_and_missing_elsewhere()
    {
        var table = HtmlText.Table(await dashboard.Page("/peers?year=" + Year), "Spend per 1,000 residents, Kent beside");
        var spend = dashboard.Warehouse.Query<(string Name, decimal Spent, double Per1000)>("""
            SELECT area_name, spent, spend_per_1000_population FROM marts.area_profile_by_year
            WHERE area_type = 'force_area' AND financial_year = $year AND has_spend ORDER BY spend_per_1000_population DESC
            """, new { year = Year });
        var without = dashboard.Warehouse.Query<string>(
            "SELECT area_name FROM marts.area_profile_by_year WHERE area_type = 'force_area' AND financial_year = $year AND NOT has_spend ORDER BY area_name", new { year = Year });

        Assert.NotEmpty(spend);
        Assert.NotEmpty(without);
        Assert.Equal(spend.Select(s => new[] { s.Name, "£" + s.Spent.ToString("N0", CultureInfo.InvariantCulture), "£" + ((decimal)s.Per1000).ToString("N0", CultureInfo.InvariantCulture) }),
            table.Take(spend.Count).Select(row => new[] { row[0], row[4], row[6] }));
        Assert.Equal(without.Select(name => new[] { name, "No funding returns loaded" }), table.Skip(spend.Count).Take(without.Count).Select(row => new[] { row[0], row[^1] }));
    }

    [Fact]
    public async Task A_crime_type_choice_ranks_force_areas_on_that_type()
    {
        var table = HtmlText.Table(await dashboard.Page($"/peers?year={Year}&crime=Burglary"), "Burglary per 1,000 residents, Kent beside");
        var expected = dashboard.Warehouse.Query<Expected>("""
            SELECT area_name AS Name, area_code AS Code, months_covered::BIGINT AS Months, incidents::BIGINT AS Count, population::BIGINT AS Residents,
                   incidents_per_1000 AS Value, incidents_per_1000_ci_low AS Low, incidents_per_1000_ci_high AS High
            FROM marts.crime_rates_by_area_year
            WHERE area_type = 'force_area' AND financial_year = $year AND crime_type = 'Burglary'
            ORDER BY incidents_per_1000 DESC, area_name
            """, new { year = Year });

        Assert.NotEmpty(expected);
        Assert.Equal(Shown(expected, N1), table.Take(expected.Count).Select(row => row.Take(9).ToArray()));
        Assert.DoesNotContain("Burglary per 1,000 residents", HtmlText.Text(await dashboard.Page("/peers?year=" + Year)));
    }

    [Fact]
    public async Task Anti_social_behaviour_chosen_as_the_crime_type_is_not_charted_twice()
    {
        var html = await dashboard.Page($"/peers?year={Year}&crime=Anti-social%20behaviour");
        Assert.Single(Regex.Matches(html, "<caption[^>]*>Anti-social behaviour per 1,000 residents, Kent beside"));
        Assert.Contains("Anti-social behaviour is not a recorded crime type", HtmlText.Text(html));
    }

    [Fact]
    public async Task Every_force_area_loaded_appears_and_the_chosen_one_is_marked_in_table_and_chart()
    {
        var html = await dashboard.Page("/peers?year=" + Year);
        var loaded = dashboard.Warehouse.Query<string>(
            "SELECT DISTINCT area_name FROM marts.crime_rates_by_area_year WHERE area_type = 'force_area' ORDER BY area_name");
        var table = HtmlText.Table(html, "Recorded crime per 1,000 residents, Kent beside");

        Assert.Equal(5, loaded.Count);
        Assert.Equal(loaded, table.Select(row => row[0]).Order(StringComparer.Ordinal));
        Assert.Equal(["Kent"], table.Where(row => row[1] == "Yes").Select(row => row[0]));
        // Beyond its colour, the chosen bar is hatched and named "(chosen)" on the axis and in the legend.
        var figure = HtmlText.Chart(html, "force-areas-recorded-crime").Json;
        Assert.Contains("\"Kent (chosen)\"", figure, StringComparison.Ordinal);
        Assert.Contains("\"shape\":\"\\\\\"", figure, StringComparison.Ordinal);
        Assert.Contains("Kent (chosen: orange, hatched)", figure, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_district_is_ranked_beside_its_neighbours_and_those_without_data_are_listed_as_such()
    {
        const string maidstone = "E07000110";
        var html = await dashboard.Page($"/peers?year={Year}&district={maidstone}");
        var table = HtmlText.Table(html, "Recorded crime per 1,000 residents, Maidstone beside its nearest neighbours");
        var neighbours = dashboard.Warehouse.Query<(string Code, string Name, long Rank, bool HasData)>(
            "SELECT peer_code, peer_name, peer_rank, has_crime_data FROM marts.peer_groups WHERE area_type = 'district' AND area_code = $maidstone ORDER BY peer_rank",
            new { maidstone });
        var figures = dashboard.Warehouse.Query<Expected>("""
            SELECT area_name AS Name, area_code AS Code, months_covered::BIGINT AS Months, recorded_crimes::BIGINT AS Count, population::BIGINT AS Residents,
                   recorded_crimes_per_1000 AS Value, recorded_crimes_per_1000_ci_low AS Low, recorded_crimes_per_1000_ci_high AS High
            FROM marts.area_profile_by_year
            WHERE area_type = 'district' AND financial_year = $year
              AND area_code IN (SELECT peer_code FROM marts.peer_groups WHERE area_type = 'district' AND area_code = $maidstone UNION SELECT $maidstone)
            ORDER BY recorded_crimes_per_1000 DESC, area_name
            """, new { year = Year, maidstone });
        var rank = neighbours.ToDictionary(n => n.Code, n => n.Rank);

        Assert.Equal(10, neighbours.Count);
        Assert.Contains(neighbours, n => !n.HasData);
        Assert.Contains(figures, f => f.Code == maidstone);
        Assert.Equal(figures.Select((f, i) => new[] { f.Name, f.Code == maidstone ? "Yes" : "No", rank.TryGetValue(f.Code, out var r) ? r.ToString(CultureInfo.InvariantCulture) : "–",
                (i + 1).ToString(CultureInfo.InvariantCulture), N0(f.Count), N1(f.Value), N1(f.Low), N1(f.High) }),
            table.Take(figures.Count).Select(row => new[] { row[0], row[1], row[2], row[3], row[5], row[7], row[8], row[9] }));
        Assert.Equal(neighbours.Where(n => !n.HasData).Select(n => new[] { n.Name, "No police data loaded" }),
            table.Where(row => row[^1] == "No police data loaded").Select(row => new[] { row[0], row[^1] }));
        Assert.Equal(11, table.Count);
        Assert.Contains($"{neighbours.Count(n => !n.HasData)} have no police data loaded", HtmlText.Text(html));
    }

    [Fact]
    public async Task Every_district_is_listed_with_its_neighbours_and_whether_they_have_data()
    {
        var table = HtmlText.Table(await dashboard.Page("/peers?year=" + Year), "Nearest neighbours of every district of Kent");
        var expected = dashboard.Warehouse.Query<(string District, long Rank, string Neighbour, bool HasData)>("""
            SELECT area.area_name, peer.peer_rank, peer.peer_name, peer.has_crime_data
            FROM marts.peer_groups AS peer
            JOIN marts.area_profile_by_year AS area ON area.area_type = 'district' AND area.area_code = peer.area_code
            WHERE peer.area_type = 'district' AND area.force_area_code = $kent AND area.financial_year = $year
            ORDER BY area.area_name, peer.peer_rank
            """, new { year = Year, kent = Kent });

        Assert.Equal(13 * 10, expected.Count);
        Assert.Equal(expected.Select(e => new[] { e.District, e.Rank.ToString(CultureInfo.InvariantCulture), e.Neighbour, e.HasData ? "Yes" : "No" }),
            table.Select(row => new[] { row[0], row[2], row[3], row[7] }));
    }

    [Fact]
    public async Task The_method_of_each_peer_group_and_the_counting_rules_are_stated()
    {
        var text = HtmlText.Text(await dashboard.Page("/peers?year=" + Year));
        var methods = dashboard.Warehouse.Query<string>("SELECT DISTINCT peer_method FROM marts.peer_groups ORDER BY ALL");
        var months = dashboard.Warehouse.Query<(string Name, long Months)>(
            "SELECT area_name, months_covered FROM marts.area_profile_by_year WHERE area_type = 'force_area' AND financial_year = $year AND is_partial_year", new { year = Year });

        Assert.Equal(2, methods.Count);
        Assert.All(methods, method => Assert.Contains(method, text));
        Assert.Contains("a force area's districts add up to less than the force area", text);
        Assert.Contains("Rates are per 1,000 residents a year", text);
        Assert.Contains("ONS mid-year population estimate", text);
        Assert.NotEmpty(months);
        Assert.All(months, m => Assert.Matches($@"Months of data \(of 12\):[^;]*\b{Regex.Escape(m.Name)} {m.Months}\b", text));
    }

    /// <summary>The page follows its filter's force area: the same service and charts for Essex mark Essex and compare Essex's districts.</summary>
    [Fact]
    public void Another_force_area_is_compared_the_same_way()
    {
        const string essex = "E23000028";
        using var reader = new WarehouseReader(dashboard.Warehouse.Directory);
        var comparison = new PeerQueries(reader).Comparison(essex, Year, null, null);
        var panels = PeerCharts.Build(comparison);
        var districts = dashboard.Warehouse.Query<string>(
            "SELECT area_name FROM marts.area_profile_by_year WHERE area_type = 'district' AND force_area_code = $essex AND financial_year = $year ORDER BY area_name, area_code", new { year = Year, essex });
        var ranked = panels.Single(p => p.Id == "force-areas-recorded-crime").Table.Rows;
        var compared = panels.Single(p => p.Id == "district-peers-recorded-crime").Table.Rows;

        Assert.Equal("Essex", comparison.ForceAreaName);
        Assert.Equal(["Essex"], ranked.Where(row => (string?)row[1] == PeerCharts.Yes).Select(row => (string?)row[0]));
        Assert.Equal(districts, comparison.Districts.Select(d => d.Name));
        Assert.Equal(districts[0], comparison.District?.Name);
        Assert.Equal([districts[0]], compared.Where(row => (string?)row[1] == PeerCharts.Yes).Select(row => (string?)row[0]));
        Assert.Equal(districts.Count * 10, PeerCharts.Neighbours(comparison).Rows.Count);
    }

    [Theory]
    [InlineData("")]
    [InlineData("&crime=Robbery&district=E07000113")]
    public async Task Each_CSV_holds_the_rows_of_its_table(string query)
    {
        var html = await dashboard.Page($"/peers?year={Year}{query}");
        var downloads = CsvLink().Matches(html).Select(m => System.Net.WebUtility.HtmlDecode(m.Groups["href"].Value)).ToList();
        var captions = Captions().Matches(html).Select(m => HtmlText.Text(m.Groups["caption"].Value)).ToList();

        Assert.True(downloads.Count >= 9, $"{downloads.Count} downloads");
        Assert.Equal(captions.Count, downloads.Count);
        foreach (var (href, caption) in downloads.Zip(captions))
        {
            var table = HtmlText.Table(html, caption);
            var csv = MoneyCsv.Rows(await dashboard.Client().GetStringAsync("/peers" + href));
            Assert.Equal(table.Count, csv.Count - 1);
            foreach (var (row, line) in table.Zip(csv.Skip(1)))
            {
                Assert.Equal(row.Count, line.Count);
                foreach (var (shown, raw) in row.Zip(line)) Assert.True(Same(shown, raw), $"{caption}: table shows '{shown}', CSV holds '{raw}'");
            }
        }
    }

    /// <summary>A table cell and its CSV value agree: the same text, or the same number written as the table writes it
    /// (money through decimal, rates and shares as doubles, so both roundings are tried).</summary>
    private static bool Same(string shown, string raw)
    {
        if (shown == "–") return raw.Length == 0;
        if (!double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)) return shown == raw;
        var percent = shown.EndsWith('%');
        var digits = shown.Replace("£", "", StringComparison.Ordinal).TrimEnd('%');
        var format = "N" + (digits.Contains('.', StringComparison.Ordinal) ? digits.Length - digits.IndexOf('.', StringComparison.Ordinal) - 1 : 0);
        var value = percent ? number * 100 : number;
        return digits == value.ToString(format, CultureInfo.InvariantCulture) || digits == ((decimal)value).ToString(format, CultureInfo.InvariantCulture);
    }

    [Theory]
    [InlineData("/peers?year=abc", "‘abc’ is not a financial year")]
    [InlineData("/peers?year=2019/20", "There is no data for 2019/20")]
    [InlineData("/peers?district=E99999999", "‘E99999999’ is not a district of Kent")]
    [InlineData("/peers?crime=Rustling", "‘Rustling’ is not a crime type data.police.uk publishes")]
    public async Task A_bad_filter_value_gets_a_message_not_an_error(string address, string message)
    {
        var text = HtmlText.Text(await dashboard.Page(address));
        Assert.Contains("Some filters could not be used", text);
        Assert.Contains(message, text);
        Assert.Contains("Recorded crime per 1,000 residents, Kent beside every force area loaded", text);
    }

    [GeneratedRegex(@"<a href=""(?<href>\?handler=[^""]+)"" download>")]
    private static partial Regex CsvLink();

    [GeneratedRegex(@"<caption[^>]*>(?<caption>.*?)</caption>", RegexOptions.Singleline)]
    private static partial Regex Captions();
}
