using System.Text.Json;
using Analytics.Warehouse.Storage;

namespace Analytics.Notebooks;

/// <summary>
/// Where a notebook finds the repository, the warehouse and plotly.js. The warehouse folder is the dashboard's:
/// <c>--warehouse DIR</c>, else the environment variable <c>Warehouse__Directory</c>, else <c>Warehouse:Directory</c>
/// in dashboard/appsettings.json, a relative path resolved against the repository root as the dashboard and ETL do.
/// </summary>
public static class NotebookSettings
{
    /// <summary>The repository holding the notebook (its .cs file's folder, as the SDK reports it), else the current folder's.</summary>
    public static string RepositoryRoot()
    {
        var starts = new[] { AppContext.GetData("EntryPointFileDirectoryPath") as string, Directory.GetCurrentDirectory(), AppContext.BaseDirectory };
        return starts.Where(start => !string.IsNullOrEmpty(start)).Select(start => WarehouseLocation.RepositoryRoot(start!)).FirstOrDefault(root => root is not null)
            ?? throw new NotebookException("Run the notebook from inside the repository (the folder holding Analytics.sln), e.g. dotnet run notebooks/district-profile.cs", NotebookException.NothingToRead);
    }

    public static WarehouseDirectory Warehouse(string? fromCommandLine, string repositoryRoot)
    {
        var configured = fromCommandLine
            ?? Environment.GetEnvironmentVariable("Warehouse__Directory")
            ?? FromAppSettings(Path.Combine(repositoryRoot, "dashboard", "appsettings.json"))
            ?? WarehouseLocation.DefaultDirectory;
        return new WarehouseDirectory(WarehouseLocation.Resolve(configured, repositoryRoot));
    }

    private static string? FromAppSettings(string path)
    {
        if (!File.Exists(path)) return null;
        using var document = JsonDocument.Parse(File.ReadAllText(path), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        return document.RootElement.TryGetProperty("Warehouse", out var section) && section.TryGetProperty("Directory", out var directory)
            ? directory.GetString() : null;
    }

    /// <summary>The dashboard's own copy of plotly.js, restored from npm when the dashboard builds.</summary>
    public static string PlotlyScript(string repositoryRoot)
    {
        var path = Path.Combine(repositoryRoot, "dashboard", "wwwroot", "lib", "plotly", "plotly.min.js");
        return File.Exists(path) ? path : throw new NotebookException(
            $"plotly.js is missing at {path}: the report embeds the dashboard's own copy. Restore it with: dotnet build dashboard",
            NotebookException.NothingToRead);
    }
}
