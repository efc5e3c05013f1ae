namespace Analytics.Dashboard.Hosting;

/// <summary>The "Warehouse" section of appsettings.json (or Warehouse__* environment variables).</summary>
public sealed class WarehouseOptions
{
    public const string Section = "Warehouse";

    /// <summary>The warehouse folder; relative paths are resolved against the repository root, as the ETL does.</summary>
    public string Directory { get; set; } = Analytics.Warehouse.Storage.WarehouseLocation.DefaultDirectory;

    /// <summary>Loaded into an empty warehouse on first start, so the dashboard always has data to show.</summary>
    public string SampleSource { get; set; } = "data/sample";

    public bool BuildFromSampleWhenEmpty { get; set; } = true;

    /// <summary>The ETL project the first-start build runs (relative to the repository root).</summary>
    public string EtlProject { get; set; } = "etl/Analytics.Etl.csproj";

    /// <summary>The police force area the pages show unless a filter says otherwise (Kent).</summary>
    public string DefaultForceArea { get; set; } = "E23000032";
}
