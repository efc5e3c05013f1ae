using Analytics.Tests.Support;

namespace Analytics.Tests.Dashboard;

[Collection(DashboardCollection.Name)]
public sealed class AccessibilityPageTests(DashboardFixture dashboard)
{
    [Theory]
    [InlineData("Accessibility statement for Community Safety Analytics")]
    [InlineData("How accessible this website is")]
    [InlineData("What to do if you cannot access parts of this website")]
    [InlineData("Reporting accessibility problems with this website")]
    [InlineData("Enforcement procedure")]
    [InlineData("Equality Advisory and Support Service (EASS)")]
    [InlineData("Equality and Human Rights Commission (EHRC)")]
    [InlineData("Web Content Accessibility Guidelines version 2.2 AA standard")]
    [InlineData("This website is partially compliant")]
    [InlineData("cannot be reached using a keyboard")]
    [InlineData("axe-core")]
    [InlineData("using only a keyboard")]
    [InlineData("This statement was prepared on 25 November 2026")]
    public async Task The_statement_has_the_model_statements_parts(string text)
    {
        Assert.Contains(text, HtmlText.Text(await dashboard.Page("/accessibility")));
    }

    [Fact]
    public async Task The_contact_is_an_example_address_for_the_data_team()
    {
        var html = await dashboard.Page("/accessibility");
        Assert.Matches("href=\"mailto:[a-z.-]+@example\\.org\"", html);
        Assert.Contains("Office of the Police and Crime Commissioner’s data team", HtmlText.Text(html));
    }
}
