namespace Analytics.Etl.Download;

/// <summary>
/// The download failed (no answer, an HTTP error, a broken or oversized archive): one line naming the address,
/// for the run's report; the inbox is left as it was.
/// </summary>
/// <param name="cause">Kept for logs that want the detail; the message alone is what users see.</param>
public sealed class PoliceArchiveDownloadException(string address, string problem, Exception? cause = null)
    : Exception($"downloading {address} failed: {FirstLine(problem)}", cause)
{
    public string Address { get; } = address;

    private static string FirstLine(string text) => text.Split('\n')[0].Trim();
}
