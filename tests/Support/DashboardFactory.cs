using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Analytics.Tests.Support;

/// <summary>The real dashboard, in process, reading a warehouse the real ETL built from the bundled sample.</summary>
// Any public type of the dashboard assembly names it to the factory; both the ETL and the dashboard have a Program.
/// <param name="clock">"Now" for the dashboard's freshness checks; the real clock unless a test pins it.</param>
public sealed class DashboardFactory(string warehouseDirectory, TimeProvider? clock = null) : WebApplicationFactory<Analytics.Dashboard.Hosting.WarehouseOptions>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseSetting("Warehouse:Directory", warehouseDirectory);
        builder.UseSetting("Warehouse:BuildFromSampleWhenEmpty", "false");
        if (clock is not null) builder.ConfigureTestServices(services => services.AddSingleton(clock));
    }
}

/// <summary>A clock stopped at one moment, for pages whose words depend on today's date.</summary>
public sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}

/// <summary>One sample warehouse and one dashboard over it, shared by the page tests.</summary>
public sealed class DashboardFixture : IDisposable
{
    public TemporaryWarehouse Warehouse { get; } = new();
    public DashboardFactory Factory { get; }

    public DashboardFixture()
    {
        var run = Warehouse.Run(RepositoryPaths.Sample);
        if (run.Published is null) throw new InvalidOperationException("The sample did not load: " + TemporaryWarehouse.Explain(run));
        Factory = new DashboardFactory(Warehouse.Root);
    }

    public HttpClient Client() => Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    public async Task<string> Page(string address)
    {
        using var response = await Client().GetAsync(address);
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{address} answered {(int)response.StatusCode}:\n{html[..Math.Min(html.Length, 2000)]}");
        return html;
    }

    public void Dispose()
    {
        Factory.Dispose();
        Warehouse.Dispose();
    }
}

[CollectionDefinition(Name)]
public sealed class DashboardCollection : ICollectionFixture<DashboardFixture>
{
    public const string Name = "dashboard";
}
