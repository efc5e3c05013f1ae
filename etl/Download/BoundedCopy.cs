using System.IO.Compression;
using Analytics.Etl.Sources;

namespace Analytics.Etl.Download;

/// <summary>
/// Copies one entry out of a downloaded archive with the checks archives given to a run get
/// (<see cref="BoundedEntryCopy"/>); a damaged entry, or one that cannot be written, fails naming the address.
/// </summary>
internal static class BoundedCopy
{
    public static long Copy(ZipArchiveEntry entry, string target, long writtenBefore, ZipLimits limits, string address, CancellationToken cancellation)
    {
        try
        {
            using var output = new FileStream(target, FileMode.CreateNew, FileAccess.Write);
            return BoundedEntryCopy.Copy(entry, output, writtenBefore, limits, problem => new PoliceArchiveDownloadException(address, problem), cancellation);
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
