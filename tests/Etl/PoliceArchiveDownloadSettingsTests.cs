using Analytics.Etl.Download;

namespace Analytics.Tests.Etl;

/// <summary>The download settings say which setting is wrong and how to put it right, before anything is asked of the network.</summary>
public sealed class PoliceArchiveDownloadSettingsTests
{
    private static readonly PoliceArchiveSettings Kent = new() { Forces = ["kent"] };

    public static TheoryData<string, PoliceArchiveSettings, string> Mistakes => new()
    {
        { "no {month}", Kent with { ArchiveAddress = "https://data.police.uk/data/archive/latest.zip" }, "Download:ArchiveAddress must contain {month}" },
        { "blank address", Kent with { ArchiveAddress = " " }, "Download:ArchiveAddress is empty" },
        { "not http", Kent with { ArchiveAddress = "ftp://data.police.uk/{month}.zip" }, "Download:ArchiveAddress must be an http or https address" },
        { "not an address", Kent with { ArchiveAddress = "archive/{month}.zip" }, "Download:ArchiveAddress must be an http or https address" },
        { "no forces", Kent with { Forces = [] }, "Download:Forces must name at least one force" },
        { "a force's full name", Kent with { Forces = ["Kent Police"] }, "Download:Forces: 'Kent Police' is not a force as data.police.uk spells it" },
        { "a force twice", Kent with { Forces = ["kent", "surrey", "kent"] }, "Download:Forces names 'kent' more than once" },
        { "no months", Kent with { MonthsToProbe = 0 }, "Download:MonthsToProbe must be from 1 to 36" },
        { "more months than published", Kent with { MonthsToProbe = 37 }, "Download:MonthsToProbe must be from 1 to 36" },
        { "no size", Kent with { MaxDownloadBytes = 0 }, "Download:MaxDownloadBytes must be above 0" },
        { "no timeout", Kent with { TimeoutSeconds = 0 }, "Download:TimeoutSeconds must be above 0" },
    };

    [Theory]
    [MemberData(nameof(Mistakes))]
    public void A_mistake_is_reported_naming_its_setting(string mistake, PoliceArchiveSettings settings, string expected)
    {
        var problem = Assert.Single(settings.Validate());
        Assert.True(problem.StartsWith(expected, StringComparison.Ordinal), $"{mistake}: {problem}");
    }

    [Fact]
    public void The_defaults_with_a_force_are_data_police_uk_and_valid()
    {
        Assert.Empty(Kent.Validate());
        Assert.Equal("https://data.police.uk/data/archive/2025-12.zip", Kent.AddressFor("2025-12"));
    }

    [Fact]
    public async Task Settings_with_a_mistake_are_refused_before_anything_is_asked_of_the_network()
    {
        using var http = new HttpClient(new RefusingHandler());
        var downloader = new PoliceArchiveDownloader(http);

        var refused = await Assert.ThrowsAsync<ArgumentException>(() => downloader.FetchNewestAsync(
            Kent with { Forces = [] }, Path.GetTempPath(), new Dictionary<string, string?>(), new DateOnly(2026, 1, 15), _ => { }, CancellationToken.None));

        Assert.Contains("Download:Forces", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Months_are_asked_for_from_last_month_back_across_the_new_year()
    {
        Assert.Equal(["2025-12", "2025-11", "2025-10"], ArchiveMonths.BackFrom(new DateOnly(2026, 1, 31), 3));
    }

    /// <summary>Fails any request, so a test using it shows that none was made.</summary>
    private sealed class RefusingHandler : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            throw new InvalidOperationException($"no request should be made, but {request.RequestUri} was");
    }
}
