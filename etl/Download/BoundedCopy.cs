using System.IO.Compression;
using Analytics.Etl.Sources;

namespace Analytics.Etl.Download;

/// <summary>
/// Copies one entry out of a downloaded archive with the checks <see cref="SafeZipExtractor"/> makes on archives
/// given to a run: it stops as soon as the bytes actually written pass the limits, whatever sizes the archive
/// claims, and a damaged entry fails rather than giving a short file.
/// </summary>
internal static class BoundedCopy
{
    public static long Copy(ZipArchiveEntry entry, string target, long writtenBefore, ZipLimits limits, string address, CancellationToken cancellation)
    {
        try
        {
            using var input = entry.Open();
            using var output = new FileStream(target, FileMode.CreateNew, FileAccess.Write);
            var buffer = new byte[81920];
            long written = 0;
            int read;
            while ((read = input.Read(buffer)) > 0)
            {
                cancellation.ThrowIfCancellationRequested();
                written += read;
                if (written > limits.MaxEntryBytes || writtenBefore + written > limits.MaxTotalBytes)
                    throw new PoliceArchiveDownloadException(address, $"entry '{entry.FullName}' expands past the size limit ({limits.MaxEntryBytes:N0} bytes per entry, {limits.MaxTotalBytes:N0} in all); it may be a zip bomb");
                if (written > 1024 * 1024 && written > limits.MaxCompressionRatio * Math.Max(1, entry.CompressedLength))
                    throw new PoliceArchiveDownloadException(address, $"entry '{entry.FullName}' expands more than {limits.MaxCompressionRatio:N0} times its compressed size; it may be a zip bomb");
                output.Write(buffer, 0, read);
            }
            return written;
        }
        catch (InvalidDataException broken)
        {
            throw new PoliceArchiveDownloadException(address, $"entry '{entry.FullName}' is damaged ({broken.Message})", broken);
        }
        catch (IOException failed)
        {
            throw new PoliceArchiveDownloadException(address, $"could not extract '{entry.FullName}' to {target}: {failed.Message}", failed);
        }
    }
}
