using System.IO.Compression;

namespace Analytics.Etl.Download;

/// <summary>A downloaded archive, open for reading: which forces and months it holds, and taking CSVs out of it.</summary>
internal sealed class PoliceArchive : IDisposable
{
    private readonly ZipArchive zip;
    private readonly string address;
    private readonly Dictionary<PoliceArchiveEntry, ZipArchiveEntry> entries;

    public IReadOnlyCollection<PoliceArchiveEntry> Entries => entries.Keys;
    public IReadOnlySet<string> Forces { get; }

    private PoliceArchive(ZipArchive zip, string address)
    {
        this.zip = zip;
        this.address = address;
        entries = zip.Entries
            .Select(entry => (Parsed: PoliceArchiveEntry.TryParse(entry.FullName), Entry: entry))
            .Where(pair => pair.Parsed is not null)
            .DistinctBy(pair => pair.Parsed!)
            .ToDictionary(pair => pair.Parsed!, pair => pair.Entry);
        Forces = entries.Keys.Select(entry => entry.Force).ToHashSet(StringComparer.Ordinal);
    }

    /// <param name="address">Where it came from, to name it in errors.</param>
    public static PoliceArchive Open(string path, string address, int maxEntries)
    {
        ZipArchive? zip = null;
        try
        {
            zip = ZipFile.OpenRead(path);
            if (zip.Entries.Count > maxEntries)
                throw new PoliceArchiveDownloadException(address, $"the archive holds {zip.Entries.Count:N0} entries, more than the {maxEntries:N0} allowed");
            var archive = new PoliceArchive(zip, address);
            zip = null;
            return archive;
        }
        catch (Exception broken) when (broken is InvalidDataException or IOException)
        {
            throw new PoliceArchiveDownloadException(address, $"not a readable zip archive ({broken.Message})", broken);
        }
        finally
        {
            zip?.Dispose();
        }
    }

    /// <summary>Writes each entry under <paramref name="directory"/> with its own last-write time, as unzip does.</summary>
    public IReadOnlyList<ExtractedFile> Extract(IEnumerable<PoliceArchiveEntry> wanted, string directory, Sources.ZipLimits limits, CancellationToken cancellation)
    {
        var extracted = new List<ExtractedFile>();
        long total = 0;
        foreach (var entry in wanted)
        {
            var target = Path.Combine(directory, entry.Month, entry.FileName);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            total += BoundedCopy.Copy(entries[entry], target, total, limits, address, cancellation);
            File.SetLastWriteTimeUtc(target, entries[entry].LastWriteTime.UtcDateTime);
            extracted.Add(new ExtractedFile(entry, target));
        }
        return extracted;
    }

    public void Dispose() => zip.Dispose();
}

/// <summary>A CSV taken out of the archive, complete, waiting in the scratch folder to be moved into the inbox.</summary>
internal sealed record ExtractedFile(PoliceArchiveEntry Entry, string TemporaryPath);
