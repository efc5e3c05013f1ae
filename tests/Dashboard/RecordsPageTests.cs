using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Analytics.Dashboard.ReadModels;
using Analytics.Tests.Support;

namespace Analytics.Tests.Dashboard;

/// <summary>
/// The drill-through from a count to its records (/records): the total it states equals the figure the link came
/// from and a count made from the published files by hand; pages are bounded; the download holds the named
/// columns, and every record's file and line is the line of the real file with its Crime ID.
/// </summary>
[Collection(DashboardCollection.Name)]
public sealed partial class RecordsPageTests(DashboardFixture dashboard)
{
    private static readonly string[] Columns = ["crime_id", "month", "location", "lsoa_code", "lsoa_name", "crime_type", "last_outcome", "source_file", "source_line"];

    public static TheoryData<string> PagesWithCounts => new()
    {
        "/crime?year=2025/26",
        "/crime?year=2024/25&district=E07000105&crime=Burglary",
        "/crime?area=E23000028&year=2025/26&level=partnership",
        "/crime?area=E23000033&year=2025/26&crime=Anti-social%20behaviour",
        "/districts/E07000110?year=2025/26",
        "/?year=2024/25",
        "/?area=E23000028&year=2025/26",
        "/peers?year=2025/26&district=E07000105&crime=Burglary",
        "/peers?area=E23000033&year=2025/26",
    };

    [Theory]
    [MemberData(nameof(PagesWithCounts))]
    public async Task Every_count_links_to_as_many_records_as_it_shows(string address)
    {
        var html = await dashboard.Page(address);
        var checkedLinks = 0;
        foreach (var (chart, links) in PanelLinks(html))
        {
            var csv = ParseCsv(await dashboard.Client().GetStringAsync(address + (address.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "handler=csv&chart=" + chart));
            foreach (var link in links)
            {
                Assert.True(Figure(chart, link, csv) == await Total(link), $"{address}: {chart}'s figure differs from the total of {link}");
                checkedLinks++;
            }
        }
        Assert.True(checkedLinks > 0, $"{address} links no count to its records");
    }

    [Theory]
    [InlineData("/records?year=2025/26&district=E07000105&kind=recorded-crime&month=2025-04")]
    [InlineData("/records?year=2024/25")]
    [InlineData("/records?year=2025/26&district=E07000110&kind=anti-social-behaviour")]
    [InlineData("/records?area=E23000028&year=2025/26&district=E07000066&crime=Burglary")]
    public async Task The_total_equals_a_count_from_the_published_files(string address)
    {
        var query = Query(address);
        var force = query.GetValueOrDefault("area", "E23000032") switch { "E23000028" => "Essex Police", _ => "Kent Police" };
        var start = int.Parse(query["year"][..4], CultureInfo.InvariantCulture);
        var months = Enumerable.Range(0, 12).Select(i => new DateTime(start, 4, 1).AddMonths(i).ToString("yyyy-MM", CultureInfo.InvariantCulture)).ToHashSet();
        var expected = IndependentData.CountedRecords().Count(record => record.Force == force && months.Contains(record.Month)
            && (!query.TryGetValue("district", out var district) || record.District == district)
            && (!query.TryGetValue("month", out var month) || record.Month == month)
            && (!query.TryGetValue("crime", out var crime) || record.CrimeType == crime)
            && (!query.TryGetValue("kind", out var kind) || (kind == "anti-social-behaviour") == (record.CrimeType == "Anti-social behaviour")));

        Assert.True(expected > 0);
        Assert.Equal(expected, await Total(address));
    }

    [Fact]
    public async Task Each_record_names_the_file_and_line_it_was_published_on()
    {
        const string address = "/records?year=2025/26&district=E07000105&crime=Burglary";
        var csv = ParseCsv(await dashboard.Client().GetStringAsync(address + "&handler=csv"));

        Assert.Equal(Columns, csv.Header);
        Assert.Equal(await Total(address), csv.Rows.Count);
        var files = new Dictionary<string, List<string>>();
        foreach (var row in csv.Rows)
        {
            var lines = files.TryGetValue(row["source_file"], out var read) ? read : files[row["source_file"]] = Lines(row["source_file"]);
            var published = IndependentData.SplitCsvLine(lines[int.Parse(row["source_line"], CultureInfo.InvariantCulture) - 1]);
            Assert.Equal(row["crime_id"], published[0]);
            Assert.Equal([row["month"], row["lsoa_code"], row["crime_type"], row["last_outcome"]], [published[1], published[7], published[9], published[10]]);
        }
    }

    [Fact]
    public async Task Pages_hold_a_hundred_records_in_a_stable_order_and_no_more_can_be_asked_for()
    {
        const string address = "/records?year=2025/26&district=E07000105&kind=recorded-crime";
        var first = Rows(await dashboard.Page(address + "&page=1&size=100000&limit=100000&pageSize=100000"));
        var second = Rows(await dashboard.Page(address + "&page=2"));
        var all = ParseCsv(await dashboard.Client().GetStringAsync(address + "&handler=csv")).Rows;

        Assert.Equal(RecordsPage.PageSize, first.Count);
        Assert.Equal(RecordsPage.PageSize, second.Count);
        Assert.Equal(all.Take(200).Select(row => (row["source_file"], row["source_line"])), first.Concat(second).Select(row => (row[7], row[8])));
        Assert.Equal(first, Rows(await dashboard.Page(address)));
    }

    [Fact]
    public async Task A_page_past_the_end_says_so()
    {
        const string address = "/records?year=2025/26&district=E07000105&kind=recorded-crime";
        var pages = (await Total(address) + RecordsPage.PageSize - 1) / RecordsPage.PageSize;
        var text = HtmlText.Text(await dashboard.Page($"{address}&page={pages + 1}"));

        Assert.Contains($"There is no page {pages + 1}", text, StringComparison.Ordinal);
        Assert.Contains($"fill {pages} pages", text, StringComparison.Ordinal);
        Assert.Equal(RecordsPage.PageSize, Rows(await dashboard.Page($"{address}&page={pages - 1}")).Count);
    }

    [Fact]
    public async Task A_download_past_the_bound_says_to_narrow_the_filters()
    {
        // Essex's 2025/26 holds more records than a download may.
        const string address = "/records?area=E23000028&year=2025/26";
        Assert.True(await Total(address) > RecordsPage.DownloadLimit);

        using var response = await dashboard.Client().GetAsync(address + "&handler=csv");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("more than the 100,000 a download holds", HtmlText.Text(html), StringComparison.Ordinal);
        Assert.DoesNotContain("handler=csv", await dashboard.Page(address), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("month=2030-01", "January 2030 is not in the financial year 2025/26")]
    [InlineData("month=April", "‘April’ is not a month")]
    [InlineData("kind=burglary", "‘burglary’ is not a kind of record")]
    [InlineData("partnership=E22999999", "‘E22999999’ is not a Community Safety Partnership of Kent")]
    [InlineData("district=E07000066", "‘E07000066’ is not a district of Kent")]
    [InlineData("page=abc", "‘abc’ is not a page number")]
    [InlineData("page=-2", "‘-2’ is not a page number")]
    [InlineData("year=2025%27%3B%20DROP%20TABLE%20x", "is not a financial year")]
    public async Task A_bad_parameter_gets_a_message_and_the_whole_listing(string parameter, string message)
    {
        var html = await dashboard.Page("/records?" + parameter + (parameter.StartsWith("year=", StringComparison.Ordinal) ? "" : "&year=2025/26"));
        var text = HtmlText.Text(html);

        Assert.Contains(message, text, StringComparison.Ordinal);
        Assert.Matches(@": [\d,]+ records\.", text);
        Assert.DoesNotContain("Exception", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_partnership_lists_the_records_its_figure_counts()
    {
        var partnership = dashboard.Warehouse.Query<(string, long)>("""
            SELECT area_code, incidents FROM marts.crime_rates_by_area_year
            WHERE area_type = 'partnership' AND force_area_code = 'E23000032' AND financial_year = '2025/26' AND crime_type = 'Burglary'
            ORDER BY area_code LIMIT 1
            """).Single();

        Assert.Equal(partnership.Item2, await Total($"/records?year=2025/26&partnership={partnership.Item1}&crime=Burglary"));
    }

    /// <summary>The figure a link was made from, read from its chart's CSV (the rows its table shows).</summary>
    private static long Figure(string chart, string link, (List<string> Header, List<Dictionary<string, string>> Rows) csv)
    {
        var query = Query(link);
        var kind = query.GetValueOrDefault("kind");
        long Sum(string column) => csv.Rows.Sum(row => long.Parse(row[column], CultureInfo.InvariantCulture));
        long Cell(Func<Dictionary<string, string>, bool> which, string column) => long.Parse(csv.Rows.Single(which)[column], CultureInfo.InvariantCulture);
        return chart switch
        {
            "incidents-by-month" => Sum(kind switch { "recorded-crime" => "recorded_crimes", "anti-social-behaviour" => "anti_social_behaviour", _ => "incidents" }),
            "incidents-by-type" => Sum("incidents"),
            "crime-rate" => Cell(row => row["district"].EndsWith("(this district)", StringComparison.Ordinal), "recorded_crimes"),
            "district-rates" or "partnership-rates" => Cell(row => row["area_code"] == (query.GetValueOrDefault("district") ?? query["partnership"]),
                kind == "anti-social-behaviour" ? "anti_social_behaviour" : "incidents"),
            _ when chart.StartsWith("force-areas-", StringComparison.Ordinal) || chart.StartsWith("district-peers-", StringComparison.Ordinal) =>
                Cell(row => row["chosen_area"] == "Yes", csv.Header.Contains("recorded_crimes") ? "recorded_crimes" : "incidents"),
            _ => throw new InvalidOperationException($"{chart} links to records but this test does not know its figure"),
        };
    }

    /// <summary>Each chart panel's id with the addresses of the record listings it links to.</summary>
    private static IEnumerable<(string Chart, List<string> Links)> PanelLinks(string html) =>
        Panel().Matches(html)
            .Select(panel => (panel.Groups["id"].Value, RecordLink().Matches(panel.Value).Select(link => WebUtility.HtmlDecode(link.Groups[1].Value)).ToList()))
            .Where(panel => panel.Item2.Count > 0);

    private async Task<long> Total(string address)
    {
        var match = TotalText().Match(HtmlText.Text(await dashboard.Page(address)));
        Assert.True(match.Success, $"{address} states no total");
        return long.Parse(match.Groups[1].Value, NumberStyles.AllowThousands, CultureInfo.InvariantCulture);
    }

    private static List<List<string>> Rows(string html) => HtmlText.Table(html, ": records ");

    private static Dictionary<string, string> Query(string address) =>
        address[(address.IndexOf('?', StringComparison.Ordinal) + 1)..].Split('&')
            .Select(pair => pair.Split('=', 2)).Where(pair => pair[0] is not ("page" or "handler"))
            .ToDictionary(pair => pair[0], pair => Uri.UnescapeDataString(pair[1]));

    private static (List<string> Header, List<Dictionary<string, string>> Rows) ParseCsv(string text)
    {
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => line.TrimEnd('\r')).ToList();
        var header = IndependentData.SplitCsvLine(lines[0]);
        return (header, lines.Skip(1).Select(line => header.Zip(IndependentData.SplitCsvLine(line)).ToDictionary(pair => pair.First, pair => pair.Second)).ToList());
    }

    /// <summary>The lines of a loaded file as the warehouse names it: a loose file, or a zip's entry after '!'.</summary>
    /// <summary>The lines of a file named as the warehouse names it: its path in the sample folder the fixture loaded.</summary>
    private static List<string> Lines(string sourcePath)
    {
        var parts = sourcePath.Split('!', 2);
        var path = Path.Combine(RepositoryPaths.Sample, parts[0]);
        return parts.Length == 2 ? PoliceCsv.ArchiveLines(path, parts[1]) : [.. File.ReadAllLines(path)];
    }

    [GeneratedRegex(@"<section class=""chart-panel"" aria-labelledby=""(?<id>[^""]+)-title"">.*?</section>", RegexOptions.Singleline)] private static partial Regex Panel();
    [GeneratedRegex(@"href=""(/records\?[^""]*)""")] private static partial Regex RecordLink();
    [GeneratedRegex(@": ([\d,]+) records?\.")] private static partial Regex TotalText();
}
