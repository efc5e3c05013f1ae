using System.Collections.Concurrent;
using Analytics.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;

namespace Analytics.Tests.Dashboard;

/// <summary>
/// The dashboard only reads. A method a page does not handle gets 405 with the methods it allows, on pages, the
/// health check and static files alike, and nothing is logged as an error (so nobody can fill the log with them).
/// </summary>
[Collection(DashboardCollection.Name)]
public sealed class MethodTests(DashboardFixture dashboard)
{
    public static TheoryData<string, string> Requests => new()
    {
        { "TRACE", "/" }, { "TRACE", "/crime?year=2025/26" }, { "TRACE", "/districts/E07000105" }, { "TRACE", "/healthz" },
        { "PUT", "/spend" }, { "PATCH", "/outcomes" }, { "DELETE", "/data" }, { "POST", "/peers" }, { "OPTIONS", "/css/site.css" },
    };

    [Theory]
    [MemberData(nameof(Requests))]
    public async Task A_method_no_page_handles_gets_405_and_is_not_logged_as_an_error(string method, string address)
    {
        var errors = new ConcurrentQueue<string>();
        using var factory = dashboard.Factory.WithWebHostBuilder(builder =>
            builder.ConfigureLogging(logging => logging.AddProvider(new ErrorCollector(errors))));

        var response = await factory.CreateClient().SendAsync(new HttpRequestMessage(new HttpMethod(method), address));

        Assert.Equal(System.Net.HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal(["GET", "HEAD"], response.Content.Headers.Allow.Order());
        Assert.Empty(errors);
        Assert.Equal(System.Net.HttpStatusCode.OK, (await factory.CreateClient().GetAsync(address)).StatusCode);
    }

    /// <summary>Keeps every log entry of level Error or above.</summary>
    private sealed class ErrorCollector(ConcurrentQueue<string> errors) : ILoggerProvider, ILogger
    {
        public ILogger CreateLogger(string categoryName) => this;
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Error;
        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel)) errors.Enqueue(formatter(state, exception));
        }
        public void Dispose() { }
    }
}
