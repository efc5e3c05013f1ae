using System.Globalization;

namespace Analytics.Etl.Download;

/// <summary>
/// Streams a found archive to a file, never holding it in memory, refusing it as soon as it is bigger than the
/// limit (by its declared length, or by the bytes actually received when the server does not say or says
/// wrong), and giving up when no bytes arrive for the timeout: a whole-download deadline would have to allow
/// for a slow line, a stall need not.
/// </summary>
internal static class ArchiveDownload
{
    public static async Task<long> SaveAsync(
        FoundArchive found, string path, PoliceArchiveSettings settings, Action<string> say, CancellationToken cancellation)
    {
        var declared = found.Response.Content.Headers.ContentLength;
        if (declared > settings.MaxDownloadBytes) throw TooBig(found.Address, $"the archive is {Bytes(declared.Value)}, more than", settings);
        say($"downloading {found.Address}" + (declared is { } length ? $" ({Bytes(length)})" : ""));

        using var stall = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        long received = 0;
        try
        {
            stall.CancelAfter(settings.Timeout);
            var body = await found.Response.Content.ReadAsStreamAsync(stall.Token).ConfigureAwait(false);
            await using (body.ConfigureAwait(false))
            {
                var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true);
                await using (file.ConfigureAwait(false))
                {
                    var buffer = new byte[1 << 16];
                    int read;
                    while ((read = await body.ReadAsync(buffer, stall.Token).ConfigureAwait(false)) > 0)
                    {
                        received += read;
                        if (received > settings.MaxDownloadBytes) throw TooBig(found.Address, "the archive went on past", settings);
                        await file.WriteAsync(buffer.AsMemory(0, read), cancellation).ConfigureAwait(false);
                        stall.CancelAfter(settings.Timeout); // the clock restarts with every block received
                    }
                }
            }
        }
        catch (OperationCanceledException stopped) when (!cancellation.IsCancellationRequested)
        {
            throw new PoliceArchiveDownloadException(found.Address, $"no data for {ArchiveProbe.Seconds(settings.Timeout)} after {Bytes(received)}", stopped);
        }
        catch (HttpRequestException failed)
        {
            throw new PoliceArchiveDownloadException(found.Address, $"the connection failed after {Bytes(received)}: {failed.Message}", failed);
        }
        catch (IOException failed) // the connection dropping (HttpIOException) or the disk filling up
        {
            throw new PoliceArchiveDownloadException(found.Address, $"stopped after {Bytes(received)}: {failed.Message}", failed);
        }
        say($"downloaded {Bytes(received)}");
        return received;
    }

    private static PoliceArchiveDownloadException TooBig(string address, string whatHappened, PoliceArchiveSettings settings) =>
        new(address, $"{whatHappened} the {Bytes(settings.MaxDownloadBytes)} that {PoliceArchiveSettings.Section}:MaxDownloadBytes allows");

    internal static string Bytes(long bytes) => bytes.ToString("N0", CultureInfo.InvariantCulture) + " bytes";
}
