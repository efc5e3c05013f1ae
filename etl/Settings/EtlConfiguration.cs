using Microsoft.Extensions.Configuration;

namespace Analytics.Etl.Settings;

/// <summary>
/// The ETL's settings, read as ASP.NET Core reads the dashboard's: appsettings.json (shared with the dashboard,
/// so both agree on Warehouse:Directory), then etlsettings.json, then a --settings file, then environment
/// variables (Warehouse__Directory, Etl__Inbox, ...), each over the one before.
/// </summary>
public static class EtlConfiguration
{
    /// <summary>Below this DuckDB cannot hold even one batch of a street file.</summary>
    public const int MinimumMemoryLimitMiB = 64;

    public static IConfiguration Load(string? settingsFile)
    {
        var builder = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true)
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "etlsettings.json"), optional: true);
        if (settingsFile is not null)
        {
            var full = Path.GetFullPath(settingsFile);
            if (!File.Exists(full)) throw new Cli.UsageException($"the settings file {settingsFile} does not exist");
            builder.AddJsonFile(full, optional: false);
        }
        return builder.AddEnvironmentVariables().Build();
    }

    public static EtlSettings Etl(this IConfiguration configuration)
    {
        var settings = configuration.GetSection(EtlSettings.Section).Get<EtlSettings>() ?? new EtlSettings();
        if (settings.MaxShrinkPercent is < 0 or > 100)
            throw new Cli.UsageException($"Etl:MaxShrinkPercent must be a whole number from 0 to 100, not {settings.MaxShrinkPercent}");
        if (settings.MemoryLimitMiB < MinimumMemoryLimitMiB)
            throw new Cli.UsageException($"Etl:MemoryLimitMiB must be at least {MinimumMemoryLimitMiB} (MiB), not {settings.MemoryLimitMiB}");
        return settings;
    }
}
