using System.IO.Compression;

namespace Analytics.Etl.Sources;

/// <summary>
/// Extracts an archive as data.police.uk serves it (YYYY-MM/YYYY-MM-force-street.csv and friends), refusing
/// entries whose path escapes the target folder and stopping as soon as the bytes actually written pass the
/// limits, whatever sizes the archive claims.
/// </summary>
public static class SafeZipExtractor
{
    public static IReadOnlyList<DiscoveredFile> Extract(string zipPath, string sourcePath, string targetDirectory, ZipLimits limits)
    {
        var root = Path.GetFullPath(targetDirectory) + Path.DirectorySeparatorChar;
        Directory.CreateDirectory(root);
        var extracted = new List<DiscoveredFile>();
        long totalWritten = 0;
        try
        {
            using var archive = ZipFile.OpenRead(zipPath);
            if (archive.Entries.Count > limits.MaxEntries)
                throw new SourceFileException(sourcePath, $"the archive holds {archive.Entries.Count:N0} entries, more than the {limits.MaxEntries:N0} allowed");
            foreach (var entry in archive.Entries)
            {
                if (entry.FullName.EndsWith('/') || entry.FullName.EndsWith('\\')) continue; // a folder
                var target = Path.GetFullPath(Path.Combine(root, entry.FullName.Replace('\\', '/')));
                if (!target.StartsWith(root, StringComparison.Ordinal) || Path.IsPathRooted(entry.FullName))
                    throw new SourceFileException(sourcePath, $"entry '{entry.FullName}' points outside the archive's folder; refusing to extract it");
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                totalWritten += CopyBounded(entry, target, sourcePath, limits, totalWritten);
                extracted.Add(new DiscoveredFile($"{sourcePath}!{entry.FullName}", target));
            }
        }
        catch (InvalidDataException problem)
        {
            throw new SourceFileException(sourcePath, $"not a readable zip archive ({problem.Message})");
        }
        return extracted;
    }

    private static long CopyBounded(ZipArchiveEntry entry, string target, string sourcePath, ZipLimits limits, long writtenBefore)
    {
        using var input = entry.Open();
        using var output = File.Create(target);
        var buffer = new byte[81920];
        long written = 0;
        int read;
        while ((read = input.Read(buffer)) > 0)
        {
            written += read;
            if (written > limits.MaxEntryBytes || writtenBefore + written > limits.MaxTotalBytes)
                throw new SourceFileException(sourcePath, $"entry '{entry.FullName}' expands past the size limit ({limits.MaxEntryBytes:N0} bytes per entry, {limits.MaxTotalBytes:N0} in all); it may be a zip bomb");
            if (written > 1024 * 1024 && written > limits.MaxCompressionRatio * Math.Max(1, entry.CompressedLength))
                throw new SourceFileException(sourcePath, $"entry '{entry.FullName}' expands more than {limits.MaxCompressionRatio:N0} times its compressed size; it may be a zip bomb");
            output.Write(buffer, 0, read);
        }
        return written;
    }
}
