namespace Analytics.Warehouse.Storage;

/// <summary>
/// Where the setting Warehouse:Directory points. The dashboard and the ETL resolve a relative path the same way,
/// against the repository root (the folder holding Analytics.sln) when run from inside the repository, so that
/// both always agree on one folder; elsewhere against the current directory.
/// </summary>
public static class WarehouseLocation
{
    public const string DefaultDirectory = "warehouse-data";

    public static string Resolve(string configured, string? startDirectory = null)
    {
        if (Path.IsPathRooted(configured)) return configured;
        var start = startDirectory ?? Directory.GetCurrentDirectory();
        return Path.GetFullPath(Path.Combine(RepositoryRoot(start) ?? start, configured));
    }

    public static string? RepositoryRoot(string startDirectory)
    {
        for (var directory = new DirectoryInfo(startDirectory); directory is not null; directory = directory.Parent)
            if (File.Exists(Path.Combine(directory.FullName, "Analytics.sln"))) return directory.FullName;
        return null;
    }
}
