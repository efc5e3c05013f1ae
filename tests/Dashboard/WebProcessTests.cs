using System.Text.Json;
using Analytics.Dashboard.Hosting;
using Analytics.Tests.Support;
using Analytics.Warehouse.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Analytics.Tests.Dashboard;

/// <summary>
/// The web process only reads: it carries none of the ETL, builds the first-start sample by running the ETL as the
/// README does, and takes its address and environment the way ASP.NET Core hosts do.
/// </summary>
public sealed class WebProcessTests : IDisposable
{
    private readonly TemporaryWarehouse warehouse = new();

    public void Dispose() => warehouse.Dispose();

    [Fact]
    public void The_dashboard_carries_none_of_the_etl_code_or_packages()
    {
        using var dependencies = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Analytics.Dashboard.deps.json")));
        var libraries = dependencies.RootElement.GetProperty("libraries").EnumerateObject().Select(library => library.Name.Split('/')[0]).ToList();

        Assert.Contains("Analytics.Warehouse", libraries);
        foreach (var etlOnly in new[] { "Analytics.Etl", "Quartz", "Spectre.Console", "DocumentFormat.OpenXml" })
            Assert.DoesNotContain(libraries, library => library.StartsWith(etlOnly, StringComparison.Ordinal));
    }

    [Fact]
    public async Task First_start_builds_the_sample_by_running_the_etl_before_serving()
    {
        PoliceCsv.Write(warehouse.Inputs, "2025-05-kent-street.csv", PoliceCsv.StreetHeader, PoliceCsv.Crime("c1", month: "2025-05"));
        foreach (var lookup in RepositoryPaths.KentGeography) File.Copy(lookup, Path.Combine(warehouse.Inputs, Path.GetFileName(lookup)));
        var lines = new LogLines();
        var builder = new SampleWarehouseBuilder(warehouse.Directory,
            Options.Create(new WarehouseOptions { SampleSource = warehouse.Inputs, BuildFromSampleWhenEmpty = true }), lines);

        await builder.StartAsync(CancellationToken.None);

        var published = warehouse.Directory.ReadPublished();
        Assert.True(published is not null, string.Join("\n", lines.Messages));
        Assert.Contains(lines.Messages, line => line.StartsWith("etl: run ", StringComparison.Ordinal) && line.Contains("published", StringComparison.Ordinal));
        Assert.Equal("dashboard first start", new RunJournal(warehouse.Directory).Recent(1)[0].Trigger);
    }

    [Fact]
    public async Task ASPNETCORE_URLS_sets_the_address()
    {
        var address = $"http://127.0.0.1:{DashboardProcess.FreePort()}";
        using var dashboard = new DashboardProcess(Settings(("ASPNETCORE_URLS", address)));

        Assert.Equal(address, await dashboard.Listening.WaitAsync(TimeSpan.FromMinutes(1), CancellationToken.None));
        await AssertAnswers(address);
    }

    [Fact]
    public async Task The_urls_argument_sets_the_address_and_ASPNETCORE_ENVIRONMENT_is_read()
    {
        var address = $"http://127.0.0.1:{DashboardProcess.FreePort()}";
        using var dashboard = new DashboardProcess(Settings(("ASPNETCORE_ENVIRONMENT", "Staging")), "--urls", address);

        Assert.Equal(address, await dashboard.Listening.WaitAsync(TimeSpan.FromMinutes(1), CancellationToken.None));
        await AssertAnswers(address);
        Assert.Contains("Hosting environment: Staging", dashboard.Output, StringComparison.Ordinal);
    }

    /// <summary>An empty warehouse, no first-start build, and the host's own messages in the log.</summary>
    private Dictionary<string, string> Settings(params (string Name, string Value)[] more)
    {
        var settings = new Dictionary<string, string>
        {
            ["Warehouse__Directory"] = warehouse.Root,
            ["Warehouse__BuildFromSampleWhenEmpty"] = "false",
            ["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Information",
        };
        foreach (var (name, value) in more) settings[name] = value;
        return settings;
    }

    private static async Task AssertAnswers(string address)
    {
        using var client = new HttpClient();
        var response = await client.GetAsync(address + "/accessibility", CancellationToken.None);
        Assert.True(response.IsSuccessStatusCode, $"{address}/accessibility answered {(int)response.StatusCode}");
    }

    /// <summary>The builder's log, as messages.</summary>
    private sealed class LogLines : ILogger<SampleWarehouseBuilder>
    {
        private readonly List<string> messages = [];
        public IReadOnlyList<string> Messages { get { lock (messages) return [.. messages]; } }
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
        public bool IsEnabled(LogLevel logLevel) => true;
        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            lock (messages) messages.Add(formatter(state, exception));
        }
    }
}
