using System.IO.Compression;

namespace Analytics.Etl.Sources;

/// <summary>
/// Copies one archive entry, stopping as soon as the bytes actually written pass the limits, whatever sizes the
/// archive claims. Shared by archives given to a run and archives the download fetches; each names the problem
/// in its own terms through <paramref name="problem"/>.
/// </summary>
public static class BoundedEntryCopy
{
    /// <returns>The bytes written.</returns>
    public static long Copy(ZipArchiveEntry entry, Stream output, long writtenBefore, ZipLimits limits,
        Func<string, Exception> problem, CancellationToken cancellation = default)
    {
        using var input = entry.Open();
        var buffer = new byte[81920];
        long written = 0;
        int read;
        while ((read = input.Read(buffer)) > 0)
        {
            cancellation.ThrowIfCancellationRequested();
            written += read;
            if (written > limits.MaxEntryBytes || writtenBefore + written > limits.MaxTotalBytes)
                throw problem($"entry '{entry.FullName}' expands past the size limit ({limits.MaxEntryBytes:N0} bytes per entry, {limits.MaxTotalBytes:N0} in all); it may be a zip bomb");
            if (written > 1024 * 1024 && written > limits.MaxCompressionRatio * Math.Max(1, entry.CompressedLength))
                throw problem($"entry '{entry.FullName}' expands more than {limits.MaxCompressionRatio:N0} times its compressed size; it may be a zip bomb");
            output.Write(buffer, 0, read);
        }
        return written;
    }
}
