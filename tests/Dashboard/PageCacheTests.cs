using System.Net;
using Analytics.Etl.Pipeline;
using Analytics.Tests.Support;

namespace Analytics.Tests.Dashboard;

/// <summary>
/// A page is made once for each snapshot and address and then answered from the cache (ASP.NET Core's output cache
/// says so with an Age header), until a run publishes a new snapshot or writes the run journal; a lost snapshot is
/// never answered from the cache.
/// </summary>
public sealed class PageCacheTests : IDisposable
{
    private const string Address = "/crime?year=2024/25";
    private readonly TemporaryWarehouse warehouse = new();

    public void Dispose() => warehouse.Dispose();

    [Fact]
    public async Task A_page_is_kept_for_its_snapshot_and_made_again_after_a_publish_a_failed_run_or_a_lost_snapshot()
    {
        var january = PoliceCsv.Write(warehouse.Inputs, "2025-01-kent-street.csv", PoliceCsv.StreetHeader, PoliceCsv.Crime("c1", month: "2025-01"));
        var first = warehouse.Run([.. RepositoryPaths.KentGeography, january]);
        Assert.True(first.ExitCode == ExitCode.Success, TemporaryWarehouse.Explain(first));
        using var dashboard = new DashboardFactory(warehouse.Root);
        using var client = dashboard.CreateClient();

        var (made, madeAge) = await Get(client);
        var (kept, keptAge) = await Get(client);
        Assert.Null(madeAge);
        Assert.NotNull(keptAge);
        Assert.Equal(made, kept);
        Assert.Contains(first.RunId, kept);

        var february = PoliceCsv.Write(warehouse.Inputs, "2025-02-kent-street.csv", PoliceCsv.StreetHeader, PoliceCsv.Crime("c2", month: "2025-02"));
        var second = warehouse.Run(february);
        Assert.True(second.ExitCode == ExitCode.Success, TemporaryWarehouse.Explain(second));
        var (republished, republishedAge) = await Get(client);
        Assert.Null(republishedAge);
        Assert.Contains(second.RunId, republished);

        var broken = PoliceCsv.Write(warehouse.Inputs, "2025-03-kent-street.csv", "Crime ID,Month,Somewhere", "x,2025-03,y");
        Assert.Equal(ExitCode.SourceUnreadable, warehouse.Run(broken).ExitCode);
        var (afterFailure, afterFailureAge) = await Get(client);
        Assert.Null(afterFailureAge);
        Assert.Contains("The latest data load failed", afterFailure);

        // The dashboard still holds the lost file open and may answer from it, but never from the cache.
        File.Delete(warehouse.Published.Path);
        using var lost = await client.GetAsync(Address);
        Assert.Null(lost.Headers.Age);
    }

    private static async Task<(string Html, TimeSpan? Age)> Get(HttpClient client)
    {
        using var response = await client.GetAsync(Address);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadAsStringAsync(), response.Headers.Age);
    }
}
