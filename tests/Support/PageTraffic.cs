using System.Diagnostics;

namespace Analytics.Tests.Support;

/// <summary>One request a client made: what it asked, when, how it went, and which snapshot the page names.</summary>
public sealed record ServedRequest(
    int Client, string Address, DateTimeOffset StartedAt, TimeSpan Duration, string? Failure, string? SnapshotRun, DataPageTables? DataTables)
{
    public DateTimeOffset FinishedAt => StartedAt + Duration;
}

/// <summary>
/// Several clients, each requesting the addresses in turn, the next as soon as the last is answered, until
/// stopped or their bound (requests each, or time) is reached. A non-2xx answer or an exception is a failure.
/// Each request carries a query key no page reads (fresh=N), so the dashboard makes every answer rather than
/// taking a kept page from its cache: the traffic exercises reading snapshots, and lasts.
/// </summary>
public sealed class PageTraffic : IAsyncDisposable
{
    private readonly List<ServedRequest> requests = [];
    private readonly CancellationTokenSource stop = new();
    private readonly Task[] clients;

    public PageTraffic(Uri server, IReadOnlyList<string> addresses, int clients, int maxRequestsPerClient, TimeSpan maxDuration)
    {
        var deadline = DateTimeOffset.UtcNow + maxDuration;
        this.clients = Enumerable.Range(0, clients)
            .Select(client => Task.Run(() => Client(server, addresses, client, maxRequestsPerClient, deadline)))
            .ToArray();
    }

    public IReadOnlyList<ServedRequest> Requests
    {
        get { lock (requests) return requests.ToList(); }
    }

    /// <summary>Waits until at least <paramref name="count"/> requests meet the condition; false if the time runs
    /// out or every client has stopped first.</summary>
    public async Task<bool> WaitFor(Func<ServedRequest, bool> condition, TimeSpan timeout, int count = 1)
    {
        var deadline = DateTimeOffset.UtcNow + timeout;
        while (Requests.Count(condition) < count)
        {
            if (DateTimeOffset.UtcNow >= deadline || clients.All(client => client.IsCompleted)) return Requests.Count(condition) >= count;
            await Task.Delay(20);
        }
        return true;
    }

    public async Task StopAsync()
    {
        await stop.CancelAsync();
        await Task.WhenAll(clients);
    }

    private async Task Client(Uri server, IReadOnlyList<string> addresses, int client, int maxRequests, DateTimeOffset deadline)
    {
        using var http = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false }) { BaseAddress = server, Timeout = TimeSpan.FromMinutes(1) };
        for (var sent = 0; sent < maxRequests && !stop.IsCancellationRequested && DateTimeOffset.UtcNow < deadline; sent++)
        {
            var address = addresses[(client + sent) % addresses.Count];
            var request = await Get(http, client, address, $"{address}{(address.Contains('?', StringComparison.Ordinal) ? '&' : '?')}fresh={client}-{sent}");
            lock (requests) requests.Add(request);
        }
    }

    private static async Task<ServedRequest> Get(HttpClient http, int client, string address, string asked)
    {
        var startedAt = DateTimeOffset.UtcNow;
        var clock = Stopwatch.StartNew();
        try
        {
            using var response = await http.GetAsync(asked);
            var body = await response.Content.ReadAsStringAsync();
            clock.Stop();
            if (!response.IsSuccessStatusCode)
                return new(client, address, startedAt, clock.Elapsed, $"{address} answered {(int)response.StatusCode}", null, null);
            var isPage = response.Content.Headers.ContentType?.MediaType == "text/html";
            var tables = isPage && address == "/data" ? DataPageTables.FromPage(body) : null;
            return new(client, address, startedAt, clock.Elapsed, null, isPage ? HtmlText.SnapshotRun(body) : null, tables);
        }
        catch (Exception problem) // whatever went wrong, the request failed: counted and reported, never thrown
        {
            return new(client, address, startedAt, clock.Elapsed, $"{address}: {problem.GetType().Name}: {problem.Message}", null, null);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        stop.Dispose();
    }
}
