namespace Analytics.Etl.Sources;

/// <param name="SourcePath">How a person finds the file again: its path, or archive.zip!folder/name.csv inside a zip.</param>
/// <param name="LocalPath">Where the ETL reads it: the file itself, or its extracted copy in the run's work folder.</param>
public sealed record DiscoveredFile(string SourcePath, string LocalPath)
{
    public string FileName => Path.GetFileName(LocalPath);
}
