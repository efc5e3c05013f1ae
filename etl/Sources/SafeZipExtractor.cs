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
            RefuseRepeatedNames(archive, sourcePath);
            foreach (var entry in archive.Entries)
            {
                if (entry.FullName.EndsWith('/') || entry.FullName.EndsWith('\\')) continue; // a folder
                var target = Path.GetFullPath(Path.Combine(root, entry.FullName.Replace('\\', '/')));
                if (!target.StartsWith(root, StringComparison.Ordinal) || Path.IsPathRooted(entry.FullName))
                    throw new SourceFileException(sourcePath, $"entry '{entry.FullName}' points outside the archive's folder; refusing to extract it");
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                using (var output = File.Create(target))
                    totalWritten += BoundedEntryCopy.Copy(entry, output, totalWritten, limits, problem => new SourceFileException(sourcePath, problem));
                extracted.Add(new DiscoveredFile($"{sourcePath}!{entry.FullName}", target));
            }
        }
        catch (InvalidDataException problem)
        {
            throw new SourceFileException(sourcePath, $"not a readable zip archive ({problem.Message})");
        }
        return extracted;
    }

    /// <summary>
    /// Two entries of one name would be extracted to one file, the second silently replacing the first (its rows
    /// gone without a reject), so such an archive is refused before anything is extracted. Names are compared
    /// without case, as they would land on one file on Windows, and would name one force-month.
    /// </summary>
    private static void RefuseRepeatedNames(ZipArchive archive, string sourcePath)
    {
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var entry in archive.Entries)
        {
            var name = entry.FullName.Replace('\\', '/');
            if (!name.EndsWith('/') && !seen.Add(name))
                throw new SourceFileException(sourcePath,
                    $"the archive holds two entries named '{entry.FullName}': one would silently replace the other, so nothing in it is loaded; make the archive again with each file once");
        }
    }
}
