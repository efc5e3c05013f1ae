namespace Analytics.Etl.Sources;

/// <param name="Path">Where the ETL reads the file or folder.</param>
/// <param name="ShownAs">How reports and the warehouse name it, never a server path (pages show it): a file by its
/// name, files in a folder by their path inside it (empty here), an inbox file by its path inside the inbox.</param>
public sealed record SourceInput(string Path, string ShownAs)
{
    public static SourceInput Given(string path) =>
        new(path, Directory.Exists(path) ? "" : System.IO.Path.GetFileName(System.IO.Path.TrimEndingDirectorySeparator(path)));
}
