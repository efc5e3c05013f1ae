using System.Globalization;
using System.Net;

namespace Analytics.Etl.Download;

/// <summary>The newest archive on the server, its response open with only the headers read so far.</summary>
internal sealed record FoundArchive(string Month, string Address, HttpResponseMessage Response) : IDisposable
{
    public void Dispose() => Response.Dispose();
}

/// <summary>
/// Asks for last month's archive, then the month before, until one exists: data.police.uk publishes a month's
/// archive some weeks after it ends. Each is a GET whose body is only read if it is wanted, so finding the
/// newest costs one request per month rather than a HEAD and a GET.
/// </summary>
internal static class ArchiveProbe
{
    public static async Task<FoundArchive> FindNewestAsync(
        HttpClient http, PoliceArchiveSettings settings, DateOnly today, Action<string> say, CancellationToken cancellation)
    {
        var months = ArchiveMonths.BackFrom(today, settings.MonthsToProbe).ToList();
        foreach (var month in months)
        {
            var address = settings.AddressFor(month);
            var response = await RequestAsync(http, address, settings.Timeout, cancellation).ConfigureAwait(false);
            if (response.IsSuccessStatusCode) return new FoundArchive(month, address, response);
            var (code, status) = (response.StatusCode, Status(response));
            response.Dispose();
            if (code is not (HttpStatusCode.NotFound or HttpStatusCode.Gone))
                throw new PoliceArchiveDownloadException(address, $"the server answered {status}");
            say($"no archive for {month} yet ({address} answered {status})");
        }
        throw new PoliceArchiveDownloadException(settings.ArchiveAddress,
            $"no archive for any month from {months[^1]} to {months[0]} (each answered not found); check {PoliceArchiveSettings.Section}:ArchiveAddress");
    }

    private static async Task<HttpResponseMessage> RequestAsync(HttpClient http, string address, TimeSpan timeout, CancellationToken cancellation)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        deadline.CancelAfter(timeout);
        using var request = new HttpRequestMessage(HttpMethod.Get, address);
        request.Headers.UserAgent.ParseAdd("community-safety-analytics-etl");
        try
        {
            return await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, deadline.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException stopped) when (!cancellation.IsCancellationRequested)
        {
            // Our deadline, or the HttpClient's own Timeout if that is shorter.
            throw new PoliceArchiveDownloadException(address, $"no answer within {Seconds(timeout)}", stopped);
        }
        catch (HttpRequestException failed)
        {
            throw new PoliceArchiveDownloadException(address, failed.Message, failed);
        }
    }

    private static string Status(HttpResponseMessage response) =>
        $"{((int)response.StatusCode).ToString(CultureInfo.InvariantCulture)} {response.ReasonPhrase}".Trim();

    internal static string Seconds(TimeSpan timeout) =>
        $"{timeout.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture)} seconds ({PoliceArchiveSettings.Section}:TimeoutSeconds)";
}
