using Analytics.Tests.Support;

namespace Analytics.Tests.Dashboard;

[Collection(DashboardCollection.Name)]
public sealed class OverviewPageTests(DashboardFixture dashboard)
{
    [Fact]
    public async Task Headline_figures_are_the_marts_figures()
    {
        var text = HtmlText.Text(await dashboard.Page("/?year=2025/26"));

        var crimes = dashboard.Warehouse.Scalar<long>(
            "SELECT CAST(sum(incidents) AS BIGINT) FROM marts.crime_by_district_month WHERE force_code = 'E23000032' AND financial_year = '2025/26' AND crime_type <> 'Anti-social behaviour'");
        var spent = dashboard.Warehouse.Scalar<decimal>("""
            SELECT sum(spent) FROM marts.spend_by_district_year AS spend JOIN core.dim_district AS district USING (district_code)
            WHERE district.is_current AND district.force_area_code = 'E23000032' AND spend.financial_year = '2025/26'
            """);
        Assert.Contains($"Recorded crimes {crimes:N0}", text);
        Assert.Contains($"Spent in 2025/26 £{spent:N0}", text);
        Assert.Contains("Latest month of police data September 2025", text);
    }

    [Fact]
    public async Task The_plan_card_leads_with_the_first_status_of_the_vocabulary()
    {
        var text = HtmlText.Text(await dashboard.Page("/?year=2025/26"));
        var first = dashboard.Warehouse.Scalar<string>("SELECT status FROM marts.plan_statuses ORDER BY display_order LIMIT 1");
        var measures = dashboard.Warehouse.Scalar<long>("""
            SELECT count(*) FROM marts.objective_performance WHERE area_code = 'E23000032' AND period = '2025/26'
              AND status = (SELECT status FROM marts.plan_statuses ORDER BY display_order LIMIT 1)
            """);
        Assert.Contains($"Plan measures, force area {measures} {first}", text);
    }

    [Fact]
    public async Task The_monthly_chart_table_and_its_CSV_hold_the_same_rows()
    {
        var html = await dashboard.Page("/?year=2025/26");
        var table = HtmlText.Table(html, "Recorded crime and anti-social behaviour by month");
        var csv = (await dashboard.Client().GetStringAsync("/?handler=csv&chart=incidents-by-month&year=2025/26")).Trim().Split('\n');

        Assert.Equal(6, table.Count);
        Assert.Equal("month,recorded_crimes,anti_social_behaviour,recorded_crimes_a_year_earlier,anti_social_behaviour_a_year_earlier", csv[0]);
        Assert.Equal(table.Count, csv.Length - 1);
        Assert.Equal(["April 2025", "12,377", "2,614"], table[0].Take(3));
        Assert.StartsWith("2025-04-01,12377,2614,", csv[1]);
    }

    [Theory]
    [InlineData("/?year=abc", "‘abc’ is not a financial year")]
    [InlineData("/?year=2019/20", "There is no data for 2019/20")]
    [InlineData("/?year=2025/26&district=E09000001", "is not a district of Kent")]
    [InlineData("/?year=2025/26&crime=Piracy", "‘Piracy’ is not a crime type")]
    public async Task A_bad_filter_value_gets_a_message_not_an_error(string address, string message)
    {
        var text = HtmlText.Text(await dashboard.Page(address));
        Assert.Contains(message, text);
        Assert.Contains("Some filters could not be used", text);
    }

    [Fact]
    public async Task Pages_send_security_headers_that_run_only_the_dashboards_own_script_files()
    {
        using var response = await dashboard.Client().GetAsync("/");
        var policy = string.Join(" ", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("default-src 'self'", policy);
        Assert.Contains("script-src 'self';", policy);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("<script type=\"application/json\" data-chart-for=", html);
        Assert.DoesNotContain(" onclick=", html);
        Assert.DoesNotMatch("<script(?![^>]*(src=|type=\"application/json\"))[^>]*>", html);
    }

    [Fact]
    public async Task Chart_figures_carry_no_template_weight()
    {
        var html = await dashboard.Page("/?year=2025/26");
        var figure = System.Text.RegularExpressions.Regex.Match(html, "data-chart-for=\"incidents-by-month\"[^>]*>(.*?)</script>", System.Text.RegularExpressions.RegexOptions.Singleline).Groups[1].Value;
        Assert.InRange(figure.Length, 100, 4000);
        Assert.DoesNotContain("colorscale", figure);
    }

    [Fact]
    public async Task Pages_requested_at_the_same_time_all_answer()
    {
        using var client = dashboard.Client();
        string[] pages = ["/", "/spend", "/crime", "/outcomes", "/value-for-money", "/allocation", "/data", "/panel-report"];
        var responses = await Task.WhenAll(Enumerable.Range(0, 32).Select(i => client.GetAsync(pages[i % pages.Length])));
        Assert.All(responses, response => Assert.True(response.IsSuccessStatusCode, $"{response.RequestMessage!.RequestUri} answered {(int)response.StatusCode}"));
    }

    [Fact]
    public async Task Unknown_addresses_get_a_helpful_404_page()
    {
        using var response = await dashboard.Client().GetAsync("/no-such-page");
        Assert.Equal(System.Net.HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Page not found", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Health_reports_the_snapshot_in_use()
    {
        var health = await dashboard.Client().GetStringAsync("/healthz");
        Assert.Matches("\"status\":\"(healthy|degraded)\"", health); // the sample ages: degraded once its months are overdue
        Assert.Contains(Path.GetFileName(dashboard.Warehouse.Published.Path), health);
    }
}
