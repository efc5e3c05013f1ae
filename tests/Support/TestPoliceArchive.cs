using System.IO.Compression;

namespace Analytics.Tests.Support;

/// <summary>
/// A small data.police.uk monthly archive for month 2025-09 made of the sample's real files, laid out as the
/// real archives are (YYYY-MM/YYYY-MM-force-kind.csv, with folder entries), each entry with a timestamp of its
/// own in October 2025 so that a copy that kept it can be told from one that did not.
/// </summary>
public static class TestPoliceArchive
{
    public const string Month = "2025-09";

    private static readonly Lazy<byte[]> Built = new(Build);

    public static byte[] Bytes => Built.Value;

    /// <summary>The archive's entries: name, bytes and last-write time as a reader of the archive sees them.</summary>
    public static IReadOnlyDictionary<string, (byte[] Bytes, DateTimeOffset LastWriteTime)> Entries()
    {
        using var archive = new ZipArchive(new MemoryStream(Bytes), ZipArchiveMode.Read);
        return archive.Entries.Where(entry => !entry.FullName.EndsWith('/')).ToDictionary(entry => entry.FullName, entry =>
        {
            using var content = new MemoryStream();
            using (var stream = entry.Open()) stream.CopyTo(content);
            return (content.ToArray(), entry.LastWriteTime);
        });
    }

    private static byte[] Build()
    {
        using var kent = ZipFile.OpenRead(RepositoryPaths.KentZip);
        var police = Path.Combine(RepositoryPaths.Sample, "police", "2025-01");
        var files = new List<(string Name, Func<Stream> Open)>
        {
            ("2025-01/2025-01-city-of-london-street.csv", () => File.OpenRead(Path.Combine(police, "2025-01-city-of-london-street.csv"))),
            ("2025-01/2025-01-kent-outcomes.csv", () => kent.GetEntry("2025-01/2025-01-kent-outcomes.csv")!.Open()),
            ("2025-01/2025-01-kent-street.csv", () => kent.GetEntry("2025-01/2025-01-kent-street.csv")!.Open()),
            ("2025-01/2025-01-surrey-street.csv", () => File.OpenRead(Path.Combine(police, "2025-01-surrey-street.csv"))),
            ("2025-08/2025-08-kent-street.csv", () => kent.GetEntry("2025-08/2025-08-kent-street.csv")!.Open()),
            // Stop and search is in every real archive and is not loaded; only its header here.
            ("2025-09/2025-09-kent-stop-and-search.csv", () => new MemoryStream("Type,Date,Part of a policing operation,Policing operation,Latitude,Longitude,Gender,Age range,Self-defined ethnicity,Officer-defined ethnicity,Legislation,Object of search,Outcome,Outcome linked to object of search,Removal of more than just outer clothing\n"u8.ToArray())),
            ("2025-09/2025-09-kent-street.csv", () => kent.GetEntry("2025-09/2025-09-kent-street.csv")!.Open()),
        };

        using var output = new MemoryStream();
        using (var archive = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            var stamp = new DateTimeOffset(new DateTime(2025, 10, 1, 9, 30, 0, DateTimeKind.Local));
            foreach (var folder in files.Select(file => file.Name[..8]).Distinct())
                archive.CreateEntry(folder).LastWriteTime = stamp;
            foreach (var (file, index) in files.Select((file, index) => (file, index)))
            {
                var entry = archive.CreateEntry(file.Name, CompressionLevel.Fastest);
                entry.LastWriteTime = stamp.AddDays(index).AddMinutes(7 * index); // zip times count in 2 seconds
                using var from = file.Open();
                using var to = entry.Open();
                from.CopyTo(to);
            }
        }
        return output.ToArray();
    }
}
