using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace Analytics.Tests.Support;

/// <summary>
/// A stand-in for data.police.uk on 127.0.0.1 (a port the system picks): archives at /archive/YYYY-MM.zip,
/// 404 for any month not set up, and the ways a real server goes wrong, for the downloader's tests.
/// </summary>
public sealed class ArchiveServer : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly ConcurrentDictionary<string, Func<HttpContext, Task>> months = new();
    private readonly ConcurrentQueue<string> requested = new();
    private readonly ConcurrentDictionary<string, TaskCompletionSource> answering = new();
    private readonly CancellationTokenSource stopping = new();

    private ArchiveServer(WebApplication app) => this.app = app;

    public string AddressTemplate => $"{app.Urls.Single()}/archive/{{month}}.zip";
    public string AddressFor(string month) => AddressTemplate.Replace("{month}", month, StringComparison.Ordinal);

    /// <summary>The months asked for, in the order asked.</summary>
    public IReadOnlyList<string> RequestedMonths => [.. requested];

    public static async Task<ArchiveServer> StartAsync()
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var server = new ArchiveServer(builder.Build());
        server.app.Run(server.AnswerAsync);
        await server.app.StartAsync();
        return server;
    }

    public void Serve(string month, byte[] archive, bool declareLength = true) => months[month] = async context =>
    {
        context.Response.ContentType = "application/zip";
        if (declareLength) context.Response.ContentLength = archive.Length;
        // In blocks, so that without a declared length the client sees a chunked body of unknown size.
        foreach (var block in archive.Chunk(64 * 1024))
            await context.Response.Body.WriteAsync(block, context.RequestAborted);
    };

    public void Answer(string month, int status) => months[month] = context =>
    {
        context.Response.StatusCode = status;
        return Task.CompletedTask;
    };

    /// <summary>Sends the first <paramref name="bytesBeforeStalling"/> bytes (none: not even the headers), then nothing more until the client gives up.</summary>
    public void Stall(string month, byte[] archive, int bytesBeforeStalling) => months[month] = async context =>
    {
        if (bytesBeforeStalling > 0)
        {
            context.Response.ContentLength = archive.Length;
            await context.Response.Body.WriteAsync(archive.AsMemory(0, bytesBeforeStalling), context.RequestAborted);
            await context.Response.Body.FlushAsync(context.RequestAborted);
        }
        Answering(month).TrySetResult();
        using var either = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, stopping.Token);
        await Task.Delay(Timeout.Infinite, either.Token).ContinueWith(_ => { }, TaskScheduler.Default);
    };

    /// <summary>Completes once a stalling month's request has been answered as far as it will be.</summary>
    public Task Stalled(string month) => Answering(month).Task;

    private TaskCompletionSource Answering(string month) =>
        answering.GetOrAdd(month, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));

    private Task AnswerAsync(HttpContext context)
    {
        var name = Path.GetFileName(context.Request.Path.Value ?? "");
        var month = name.EndsWith(".zip", StringComparison.Ordinal) ? name[..^4] : name;
        requested.Enqueue(month);
        if (months.TryGetValue(month, out var answer)) return answer(context);
        context.Response.StatusCode = StatusCodes.Status404NotFound;
        return Task.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        await stopping.CancelAsync();
        await app.StopAsync();
        await app.DisposeAsync();
        stopping.Dispose();
    }
}
