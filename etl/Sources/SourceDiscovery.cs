namespace Analytics.Etl.Sources;

/// <summary>Expands each --source (a folder, a file, or a zip archive) into the files a run will consider.</summary>
public static class SourceDiscovery
{
    public static IReadOnlyList<DiscoveredFile> Discover(IEnumerable<string> sources, string extractDirectory, ZipLimits limits) =>
        Discover(sources.Select(SourceInput.Given), extractDirectory, limits);

    public static IReadOnlyList<DiscoveredFile> Discover(IEnumerable<SourceInput> sources, string extractDirectory, ZipLimits limits)
    {
        var files = new List<DiscoveredFile>();
        var archiveNumber = 0;
        foreach (var source in sources)
        {
            var full = Path.GetFullPath(source.Path);
            IEnumerable<string> paths = Directory.Exists(full)
                ? Directory.EnumerateFiles(full, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal)
                : File.Exists(full) ? [full]
                : throw new SourceFileException(source.ShownAs.Length > 0 ? source.ShownAs : Path.GetFileName(full), "no such file or folder (was it moved or removed while the run started?)");
            foreach (var path in paths)
            {
                var shown = Directory.Exists(full) ? Path.Combine(source.ShownAs, Path.GetRelativePath(full, path)) : source.ShownAs;
                if (path.EndsWith(".zip", StringComparison.OrdinalIgnoreCase))
                    files.AddRange(SafeZipExtractor.Extract(path, shown, Path.Combine(extractDirectory, $"zip{++archiveNumber}"), limits));
                else
                    files.Add(new DiscoveredFile(shown, path));
            }
        }
        return files;
    }
}
