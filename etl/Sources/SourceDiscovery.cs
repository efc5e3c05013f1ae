namespace Analytics.Etl.Sources;

/// <summary>Expands each --source (a folder, a file, or a zip archive) into the files a run will consider.</summary>
public static class SourceDiscovery
{
    public static IReadOnlyList<DiscoveredFile> Discover(IEnumerable<string> sources, string extractDirectory, ZipLimits limits)
    {
        var files = new List<DiscoveredFile>();
        var archiveNumber = 0;
        foreach (var source in sources)
        {
            var full = Path.GetFullPath(source);
            IEnumerable<string> paths = Directory.Exists(full)
                ? Directory.EnumerateFiles(full, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal)
                : File.Exists(full) ? [full]
                : throw new SourceFileException(source, "no such file or folder");
            foreach (var path in paths)
            {
                var shown = Directory.Exists(full) ? Path.Combine(source, Path.GetRelativePath(full, path)) : source;
                if (path.EndsWith(".zip", StringComparison.OrdinalIgnoreCase))
                    files.AddRange(SafeZipExtractor.Extract(path, shown, Path.Combine(extractDirectory, $"zip{++archiveNumber}"), limits));
                else
                    files.Add(new DiscoveredFile(shown, path));
            }
        }
        return files;
    }
}
