using System.Text.Json;

namespace Analytics.Warehouse.Storage;

/// <summary>
/// The setting Warehouse:Directory for programs that are not ASP.NET Core (the ETL), read with the same
/// precedence ASP.NET Core gives it: the environment variable Warehouse__Directory over appsettings.json.
/// </summary>
public static class WarehouseSetting
{
    public const string EnvironmentVariable = "Warehouse__Directory";

    public static string? Read(string appSettingsPath)
    {
        if (Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } fromEnvironment) return fromEnvironment;
        if (!File.Exists(appSettingsPath)) return null;
        using var settings = JsonDocument.Parse(File.ReadAllText(appSettingsPath), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        return settings.RootElement.TryGetProperty("Warehouse", out var warehouse) && warehouse.TryGetProperty("Directory", out var directory)
            ? directory.GetString()
            : null;
    }
}
