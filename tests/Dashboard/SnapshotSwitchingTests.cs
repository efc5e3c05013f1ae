using System.Globalization;
using Analytics.Tests.Support;
using Analytics.Warehouse.Storage;
using Xunit.Abstractions;

namespace Analytics.Tests.Dashboard;

/// <summary>
/// The running dashboard moves to each newly published snapshot without a restart and without failing a request:
/// requests in flight finish on the snapshot they started on, new requests see the new data, and snapshots no
/// longer in use are closed and removed. Real Kestrel on loopback, several clients, the ETL as its own process.
/// </summary>
public sealed class SnapshotSwitchingTests(ITestOutputHelper output) : IDisposable
{
    private const int Clients = 4;
    private const int Publishes = 4; // one more month of Kent street data each, after the first load
    private const string SnapshotsToKeep = "1"; // each publish deletes the snapshot before it, often while it is still being read

    // /data is the mixing probe (three queries, three tables); the others add load and the switch of year and month.
    private static readonly string[] Addresses =
        ["/data", "/", "/data", "/crime", "/data", "/spend", "/data", "/crime?handler=csv&chart=incidents-by-month"];

    private readonly TemporaryWarehouse warehouse = new();
    private readonly List<PublishedSnapshot> published = [];
    private readonly Dictionary<string, DataPageTables> expected = [];
    private readonly List<(DateTimeOffset Started, DateTimeOffset Finished)> etlRuns = [];

    [Fact]
    public async Task The_dashboard_moves_to_each_new_snapshot_under_load_without_failing_or_mixing_a_request()
    {
        Publish([.. RepositoryPaths.KentGeography, RepositoryPaths.Population, KentMonth(1)]);
        await using var dashboard = new DashboardFactory(warehouse.Root);
        dashboard.UseKestrel(0);
        dashboard.StartServer();
        var server = dashboard.ClientOptions.BaseAddress;
        Assert.True(server.IsLoopback, $"{server} is not a loopback address");

        var traffic = new PageTraffic(server, Addresses, Clients, maxRequestsPerClient: 20_000, maxDuration: TimeSpan.FromMinutes(10));
        await using (traffic)
        {
            Assert.True(await traffic.WaitFor(r => r.SnapshotRun == published[^1].RunId, TimeSpan.FromMinutes(1)), "no page was served");
            for (var month = 2; month <= Publishes + 1; month++)
            {
                var snapshot = Publish(KentMonth(month));
                Assert.True(await traffic.WaitFor(r => r.SnapshotRun == snapshot.RunId, TimeSpan.FromMinutes(1)),
                    $"no page named snapshot {snapshot.RunId} within a minute of its publish");
            }
            // Every address from every client once more after the last publish.
            var afterLast = etlRuns[^1].Finished;
            foreach (var client in Enumerable.Range(0, Clients))
                await traffic.WaitFor(r => r.Client == client && r.StartedAt >= afterLast, TimeSpan.FromMinutes(1), count: Addresses.Length);
        }

        var requests = traffic.Requests;
        Report(requests);

        var failures = requests.Where(r => r.Failure is not null).ToList();
        Assert.True(failures.Count == 0, $"{failures.Count} of {requests.Count} requests failed, e.g.\n" + string.Join("\n", failures.Take(5).Select(r => r.Failure)));

        var pages = requests.Where(r => !r.Address.Contains("handler=csv", StringComparison.Ordinal)).ToList();
        var known = published.Select(s => s.RunId).ToHashSet();
        Assert.All(pages, r => Assert.True(r.SnapshotRun is not null && known.Contains(r.SnapshotRun), $"{r.Address} named snapshot '{r.SnapshotRun}'"));

        var mixed = requests.Where(r => r.DataTables is not null && r.DataTables != expected[r.SnapshotRun!]).ToList();
        Assert.True(mixed.Count == 0, $"{mixed.Count} /data pages disagree with the snapshot their footer names, e.g.\n" + string.Join("\n", mixed.Take(3).Select(Describe)));
        Assert.True(requests.Count(r => r.DataTables is not null) >= published.Count, "too few /data pages to tell");

        var last = published[^1].RunId;
        var stale = pages.Where(r => r.StartedAt >= etlRuns[^1].Finished && r.SnapshotRun != last).ToList();
        Assert.True(stale.Count == 0, $"{stale.Count} requests made after the last publish read an older snapshot, e.g. {stale.FirstOrDefault()}");
        Assert.True(pages.Count(r => r.StartedAt >= etlRuns[^1].Finished) >= Clients * Addresses.Length / 2, "too few requests after the last publish to tell");
        Assert.All(published, snapshot => Assert.Contains(pages, r => r.SnapshotRun == snapshot.RunId));

        Assert.Equal([published[^1].Path], Directory.GetFiles(warehouse.Directory.SnapshotsDirectory, "*.duckdb*"));
        if (OpenFiles.Observable)
        {
            // A request's lease ends when its response is done, a moment after the client has it: wait a little.
            var stillOpen = OpenSnapshotsOtherThan(published[^1].Path);
            for (var wait = 0; stillOpen.Count > 0 && wait < 100; wait++)
            {
                await Task.Delay(50);
                stillOpen = OpenSnapshotsOtherThan(published[^1].Path);
            }
            Assert.True(stillOpen.Count == 0, "the dashboard still holds old snapshots open: " + string.Join(", ", stillOpen));
        }
    }

    /// <summary>Runs the ETL as its own process, as a scheduler would, and records the snapshot it published.</summary>
    private PublishedSnapshot Publish(params string[] sources)
    {
        var arguments = new List<string> { "run", "--warehouse", warehouse.Root, "--keep", SnapshotsToKeep, "--plain" };
        foreach (var source in sources) arguments.AddRange(["--source", source]);
        var started = DateTimeOffset.UtcNow;
        using (var etl = new EtlProcess([.. arguments]))
            Assert.True(etl.WaitForExit(TimeSpan.FromMinutes(3)) == 0, etl.Output);
        etlRuns.Add((started, DateTimeOffset.UtcNow));
        var snapshot = warehouse.Published;
        Assert.DoesNotContain(snapshot.RunId, expected.Keys);
        published.Add(snapshot);
        expected[snapshot.RunId] = DataPageTables.FromSnapshot(snapshot.Path); // read now: the next publish deletes it
        return snapshot;
    }

    /// <summary>One month of the bundled Kent street data, as data.police.uk names it, in a folder of its own.</summary>
    private string KentMonth(int month)
    {
        var name = $"2025-{month:00}";
        var folder = Path.Combine(warehouse.Inputs, "month-" + name);
        PoliceCsv.Write(folder, Path.Combine(name, $"{name}-kent-street.csv"), [.. PoliceCsv.KentLines($"{name}/{name}-kent-street.csv")]);
        return folder;
    }

    private List<string> OpenSnapshotsOtherThan(string path) =>
        OpenFiles.Under(warehouse.Directory.SnapshotsDirectory).Where(open => open != path).ToList();

    /// <summary>Which snapshot each table of a /data page came from, for the failure message.</summary>
    private string Describe(ServedRequest request)
    {
        string From(Func<DataPageTables, string> table) =>
            expected.FirstOrDefault(e => table(e.Value) == table(request.DataTables!)).Key ?? "no snapshot";
        return $"{request.Address} at {request.StartedAt:HH:mm:ss.fff}: footer {request.SnapshotRun}, files from {From(t => t.Files)}, " +
               $"totals from {From(t => t.Totals)}, loads from {From(t => t.Runs)}";
    }

    /// <summary>The figures for the closing note: printed, never asserted (timings depend on the machine).</summary>
    private void Report(IReadOnlyList<ServedRequest> requests)
    {
        static string Ms(IEnumerable<ServedRequest> some) =>
            some.Any() ? some.Max(r => r.Duration.TotalMilliseconds).ToString("F0", CultureInfo.InvariantCulture) + " ms" : "none";
        static double Median(IEnumerable<ServedRequest> some)
        {
            var sorted = some.Select(r => r.Duration.TotalMilliseconds).Order().ToList();
            return sorted.Count == 0 ? 0 : sorted[sorted.Count / 2];
        }
        var publishes = published.Skip(1).Select(s => s.PublishedAt).ToList();
        var atPublish = requests.Where(r => publishes.Any(at => r.StartedAt < at && r.FinishedAt > at)).ToList();
        var duringEtl = requests.Where(r => etlRuns.Skip(1).Any(run => r.StartedAt < run.Finished && r.FinishedAt > run.Started)).ToList();
        var finishedOnReplaced = requests.Count(r => r.SnapshotRun is { } run &&
            published.FindIndex(s => s.RunId == run) is var index && index + 1 < published.Count && r.FinishedAt > published[index + 1].PublishedAt);

        output.WriteLine($"{Clients} clients, {Publishes} publishes by the ETL as its own process (--keep {SnapshotsToKeep}), {Environment.ProcessorCount} cores");
        output.WriteLine($"requests served: {requests.Count(r => r.Failure is null)}, failed: {requests.Count(r => r.Failure is not null)}, " +
                         $"/data pages checked for mixing: {requests.Count(r => r.DataTables is not null)}");
        output.WriteLine($"longest request in flight at a publish: {Ms(atPublish)} ({atPublish.Count} requests)");
        output.WriteLine($"longest request while an ETL run was running: {Ms(duringEtl)} ({duringEtl.Count} requests, median {Median(duringEtl):F0} ms)");
        output.WriteLine($"longest request overall: {Ms(requests)} (median {Median(requests):F0} ms)");
        output.WriteLine($"responses that finished on a snapshot already replaced: {finishedOnReplaced}");
        foreach (var (run, index) in etlRuns.Select((run, index) => (run, index)))
            output.WriteLine($"ETL run {index + 1}: {(run.Finished - run.Started).TotalSeconds:F1} s, published {published[index].RunId}");
        foreach (var snapshot in published)
            output.WriteLine($"responses from {snapshot.RunId}: {requests.Count(r => r.SnapshotRun == snapshot.RunId)}");
    }

    public void Dispose() => warehouse.Dispose();
}
