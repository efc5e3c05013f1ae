using System.IO.Compression;
using System.Text;

namespace Analytics.Tests.Support;

/// <summary>Builds small data.police.uk-shaped inputs and reads the real ones, for tests.</summary>
public static class PoliceCsv
{
    public const string StreetHeader = "Crime ID,Month,Reported by,Falls within,Longitude,Latitude,Location,LSOA code,LSOA name,Crime type,Last outcome category,Context";
    public const string OutcomesHeader = "Crime ID,Month,Reported by,Falls within,Longitude,Latitude,Location,LSOA code,LSOA name,Outcome type";

    /// <summary>A Kent street row in Ashford 001B (E01023987).</summary>
    public static string Crime(string id, string month = "2025-01", string type = "Burglary", string outcome = "Unable to prosecute suspect", string lsoa = "E01023987") =>
        $"{id},{month},Kent Police,Kent Police,0.970011,51.253133,On or near Cobbs Hill,{lsoa},Ashford 001B,{type},{outcome},";

    public static string Asb(string month = "2025-01", string lsoa = "E01023987") =>
        $",{month},Kent Police,Kent Police,0.970011,51.253133,On or near Cobbs Hill,{lsoa},Ashford 001B,Anti-social behaviour,,";

    public static string Write(string folder, string name, params string[] lines)
    {
        var path = Path.Combine(folder, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, string.Join("\n", lines) + "\n", new UTF8Encoding(false));
        return path;
    }

    /// <summary>The lines of one file inside the bundled Kent zip, header first.</summary>
    public static List<string> KentLines(string entryName) => ArchiveLines(RepositoryPaths.KentZip, entryName);

    /// <summary>The lines of one file inside a zip, header first.</summary>
    public static List<string> ArchiveLines(string zipPath, string entryName)
    {
        using var archive = ZipFile.OpenRead(zipPath);
        using var reader = new StreamReader(archive.GetEntry(entryName)!.Open());
        var lines = new List<string>();
        while (reader.ReadLine() is { } line) lines.Add(line);
        return lines;
    }

    /// <summary>Every Kent street file of the sample (both Kent downloads), as lines, named as in their zip (YYYY-MM/...).</summary>
    public static IEnumerable<(string Name, List<string> Lines)> KentStreetFiles() =>
        SampleStreetFiles().Where(file => file.Name.EndsWith("-kent-street.csv", StringComparison.Ordinal))
            .Select(file => (file.Name[(file.Name.IndexOf('!') + 1)..], file.Lines));

    /// <summary>The street files of the bundled 2025 Kent download (RepositoryPaths.KentZip) alone.</summary>
    public static IEnumerable<(string Name, List<string> Lines)> KentZipStreetFiles() =>
        SampleStreetFiles().Where(file => file.Name.StartsWith(Path.GetFileName(RepositoryPaths.KentZip) + "!", StringComparison.Ordinal))
            .Select(file => (file.Name[(file.Name.IndexOf('!') + 1)..], file.Lines));

    /// <summary>Every street file of the sample, inside its zips or loose, as lines (header first).</summary>
    public static IEnumerable<(string Name, List<string> Lines)> SampleStreetFiles()
    {
        var police = Path.Combine(RepositoryPaths.Sample, "police");
        foreach (var zip in Directory.GetFiles(police, "*.zip", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            using var archive = ZipFile.OpenRead(zip);
            foreach (var entry in archive.Entries.Where(entry => entry.FullName.EndsWith("-street.csv", StringComparison.Ordinal)).ToList())
            {
                using var reader = new StreamReader(entry.Open());
                var lines = new List<string>();
                while (reader.ReadLine() is { } line) lines.Add(line);
                yield return ($"{Path.GetFileName(zip)}!{entry.FullName}", lines);
            }
        }
        foreach (var path in Directory.GetFiles(police, "*-street.csv", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            yield return (path, File.ReadAllLines(path).ToList());
    }
}
