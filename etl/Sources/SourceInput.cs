namespace Analytics.Etl.Sources;

/// <param name="Path">Where the ETL reads the file or folder.</param>
/// <param name="ShownAs">How reports and the warehouse name it: the path as given, or the inbox file a copy was taken from.</param>
public sealed record SourceInput(string Path, string ShownAs)
{
    public static SourceInput Given(string path) => new(path, path);
}
