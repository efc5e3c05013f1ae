using System.Net;
using Analytics.Etl.Pipeline;
using Analytics.Tests.Support;

namespace Analytics.Tests.Dashboard;

/// <summary>
/// When the published snapshot is lost or published.json cannot be read, every page and /healthz say plainly that the
/// warehouse cannot be read and which command puts it right, with 503, and never show a server path.
/// </summary>
public sealed class UnreadableWarehouseTests : IDisposable
{
    private readonly TemporaryWarehouse warehouse = new();

    public UnreadableWarehouseTests()
    {
        var street = PoliceCsv.Write(warehouse.Inputs, "2025-05-kent-street.csv", PoliceCsv.StreetHeader, PoliceCsv.Crime("c1", month: "2025-05"));
        var run = warehouse.Run([.. RepositoryPaths.KentGeography, RepositoryPaths.Population, street]);
        Assert.True(run.ExitCode == ExitCode.Success, TemporaryWarehouse.Explain(run));
    }

    public void Dispose() => warehouse.Dispose();

    [Theory]
    [InlineData("snapshots folder deleted")]
    [InlineData("pointer garbled")]
    public async Task Pages_and_the_health_check_answer_503_saying_what_is_wrong_and_how_to_recover(string damage)
    {
        if (damage == "pointer garbled") File.WriteAllText(warehouse.Directory.PointerPath, "{ \"snapshot\": ");
        else Directory.Delete(warehouse.Directory.SnapshotsDirectory, recursive: true);
        using var dashboard = new DashboardFactory(warehouse.Root);
        var client = dashboard.CreateClient();

        foreach (var page in new[] { "/", "/crime", "/peers", "/districts/E07000105", "/data" })
        {
            var response = await client.GetAsync(page);
            var html = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.ServiceUnavailable, $"{page}: {(int)response.StatusCode}");
            Assert.Contains("The warehouse cannot be read", html);
            Assert.Contains("dotnet run --project etl -- repair", html);
            Assert.DoesNotContain(warehouse.Root, html);
        }
        var health = await client.GetAsync("/healthz");
        var json = await health.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
        Assert.Contains("repair", json);
        Assert.DoesNotContain(warehouse.Root, json);
        Assert.DoesNotContain(Path.GetTempPath().TrimEnd('/'), json);
    }
}
