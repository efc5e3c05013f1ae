namespace Analytics.Tests.Support;

/// <summary>Finds the repository's own files (never ../shared) from the test binaries.</summary>
public static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();
    public static string Sample => Path.Combine(Root, "data", "sample");
    public static string KentZip => Path.Combine(Sample, "police", "kent-2025-01-to-2025-09.zip");
    public static string Geography => Path.Combine(Sample, "geography");
    public static string Population => Path.Combine(Sample, "population");
    /// <summary>Kent and Medway's rows of the national lookups (tests/data/kent-geography): fast geography for tests.</summary>
    public static string[] KentGeography { get; } =
        [Path.Combine(Root, "tests", "data", "kent-geography", "DERIVED_kent_medway_LSOA21_WD24_LAD24.csv"),
         Path.Combine(Root, "tests", "data", "kent-geography", "DERIVED_kent_medway_LAD24_CSP24_PFA24.csv")];

    /// <summary>A project's build output in the configuration the tests were built in (Debug or Release).</summary>
    public static string BuildOutput(string project) => Path.Combine(Root, project, "bin",
        new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory)).Parent!.Name, "net10.0");

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
            if (File.Exists(Path.Combine(directory.FullName, "Analytics.sln"))) return directory.FullName;
        throw new InvalidOperationException("Analytics.sln not found above " + AppContext.BaseDirectory);
    }
}
