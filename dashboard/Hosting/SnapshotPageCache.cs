using Analytics.Warehouse.Queries;
using Analytics.Warehouse.Storage;
using Microsoft.AspNetCore.OutputCaching;

namespace Analytics.Dashboard.Hosting;

/// <summary>
/// Pages are kept, once made, for as long as what they show cannot change: a published snapshot never changes, so a
/// page's answer for one snapshot and one address never does either, apart from the operations banner (the run
/// journal, kept beside the snapshots) and what depends on the day (overdue sources, a report's date). The key is
/// the address with its query, the snapshot the request pinned, the journal's size and time, the day, and the
/// encodings the client accepts (responses are kept compressed). Only complete 200 answers are kept; a warehouse
/// that cannot be read is never answered from the cache.
/// </summary>
public sealed class SnapshotPageCache : IOutputCachePolicy
{
    /// <summary>How long an unused page is kept; a new snapshot or run makes new keys long before that.</summary>
    private static readonly TimeSpan Kept = TimeSpan.FromMinutes(10);

    public ValueTask CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var http = context.HttpContext;
        if (!HttpMethods.IsGet(http.Request.Method) && !HttpMethods.IsHead(http.Request.Method)) return ValueTask.CompletedTask;
        // Health checks report the state now; files (CSS, scripts, plotly.js) are the static files middleware's.
        if (http.Request.Path.StartsWithSegments("/healthz") || Path.HasExtension(http.Request.Path.Value)) return ValueTask.CompletedTask;
        if (Pinned(http) is not { } snapshot) return ValueTask.CompletedTask;

        var warehouse = http.RequestServices.GetRequiredService<WarehouseDirectory>();
        var journal = new FileInfo(warehouse.RunJournalPath);
        var today = http.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow();
        context.EnableOutputCaching = true;
        context.AllowCacheLookup = true;
        context.AllowCacheStorage = true;
        context.AllowLocking = true;
        context.ResponseExpirationTimeSpan = Kept;
        context.CacheVaryByRules.QueryKeys = "*";
        context.CacheVaryByRules.HeaderNames = "Accept-Encoding";
        context.CacheVaryByRules.VaryByValues["snapshot"] = snapshot.RunId;
        context.CacheVaryByRules.VaryByValues["runs"] = journal.Exists ? $"{journal.Length}:{journal.LastWriteTimeUtc.Ticks}" : "none";
        context.CacheVaryByRules.VaryByValues["day"] = today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        return ValueTask.CompletedTask;
    }

    public ValueTask ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

    public ValueTask ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        if (context.HttpContext.Response.StatusCode != StatusCodes.Status200OK) context.AllowCacheStorage = false;
        return ValueTask.CompletedTask;
    }

    /// <summary>The snapshot this request reads, pinned now so the page is made from the snapshot it is kept under;
    /// null when there is none to read (the page says why, and that answer is not kept).</summary>
    private static PublishedSnapshot? Pinned(HttpContext http)
    {
        try
        {
            var snapshot = http.RequestServices.GetRequiredService<PinnedSnapshotReader>().Pin();
            return File.Exists(snapshot.Path) ? snapshot : null;
        }
        catch (Exception unreadable) when (unreadable is WarehouseNotPublishedException or WarehouseUnreadableException)
        {
            return null;
        }
    }
}
