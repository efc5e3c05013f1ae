using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Playwright;

namespace Analytics.Tests.Support;

/// <summary>
/// The dashboard on a real port (Kestrel) over a warehouse built from the sample, and headless Chromium from the
/// system (Debian's chromium package; `.ci/run` installs it). Playwright never downloads a browser of its own.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime, IDisposable
{
    public static string? ChromiumPath { get; } = new[] { Environment.GetEnvironmentVariable("CHROMIUM_PATH"), "/usr/bin/chromium", "/usr/bin/chromium-browser" }
        .FirstOrDefault(path => path is not null && File.Exists(path));

    public static string? SkipReason => ChromiumPath is null
        ? "Browser tests skipped: no Chromium at /usr/bin/chromium (install Debian's chromium package, as .ci/run does, or set CHROMIUM_PATH)"
        : null;

    private readonly TemporaryWarehouse warehouse = new();
    private DashboardFactory? factory;
    private IPlaywright? playwright;

    public IBrowser Browser { get; private set; } = null!;
    public Uri BaseAddress { get; private set; } = null!;
    public string ScreenshotDirectory { get; } = Path.Combine(RepositoryPaths.Root, "TestResults", "screenshots");

    public async Task InitializeAsync()
    {
        if (ChromiumPath is null) return;
        var run = warehouse.Run(RepositoryPaths.Sample);
        if (run.Published is null) throw new InvalidOperationException("The sample did not load: " + TemporaryWarehouse.Explain(run));
        factory = new DashboardFactory(warehouse.Root);
        factory.UseKestrel(0);
        factory.StartServer();
        BaseAddress = factory.ClientOptions.BaseAddress;
        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            // As root, in a sandboxed machine with no network beyond loopback.
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
        Directory.CreateDirectory(ScreenshotDirectory);
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        playwright?.Dispose();
        if (factory is not null) await factory.DisposeAsync();
        Dispose();
    }

    public void Dispose() => warehouse.Dispose();
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser";
}

/// <summary>A browser test theory: skipped, saying why, only when no Chromium is installed.</summary>
public sealed class BrowserTheoryAttribute : TheoryAttribute
{
    public BrowserTheoryAttribute()
    {
        if (BrowserFixture.SkipReason is { } reason) Skip = reason;
    }
}
