using System.IO.Compression;
using Analytics.Warehouse.Queries;
using Analytics.Warehouse.Storage;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.Extensions.Options;

namespace Analytics.Dashboard.Hosting;

public static class DashboardServices
{
    /// <summary>The warehouse folder, its read-only reader, every query class of the warehouse library, and the
    /// first-start sample build. Query classes are per request: they read through the request's
    /// <see cref="PinnedSnapshotReader"/>, so every figure of a page comes from one snapshot.</summary>
    public static IServiceCollection AddWarehouse(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<WarehouseOptions>(configuration.GetSection(WarehouseOptions.Section));
        services.AddSingleton(provider => new WarehouseDirectory(
            WarehouseLocation.Resolve(provider.GetRequiredService<IOptions<WarehouseOptions>>().Value.Directory)));
        services.AddSingleton<WarehouseReader>();
        services.AddSingleton(TimeProvider.System);
        services.AddScoped<PinnedSnapshotReader>();
        services.AddScoped<IWarehouseReader>(provider => provider.GetRequiredService<PinnedSnapshotReader>());
        foreach (var queries in typeof(WarehouseReader).Assembly.GetExportedTypes()
                     .Where(type => type.Namespace == typeof(WarehouseReader).Namespace && type.Name.EndsWith("Queries", StringComparison.Ordinal) && !type.IsAbstract))
            services.AddScoped(queries);
        services.AddHostedService<SampleWarehouseBuilder>();
        return services;
    }

    public static IServiceCollection AddDashboard(this IServiceCollection services)
    {
        Charts.ChartDefaults.UseEmptyTemplate();
        services.AddRazorPages(options => options.Conventions.ConfigureFilter(new Microsoft.AspNetCore.Mvc.AutoValidateAntiforgeryTokenAttribute()))
            .AddMvcOptions(options => options.Filters.Add<ReadModels.LayoutReader>());
        services.AddOutputCache(options => options.AddBasePolicy(policy => policy.AddPolicy<SnapshotPageCache>()));
        services.AddResponseCompression(options =>
        {
            options.EnableForHttps = true;
            options.Providers.Add<BrotliCompressionProvider>();
            options.Providers.Add<GzipCompressionProvider>();
            options.MimeTypes = ResponseCompressionDefaults.MimeTypes.Concat(["text/csv", "image/svg+xml"]);
        });
        services.Configure<BrotliCompressionProviderOptions>(options => options.Level = CompressionLevel.Fastest);
        services.Configure<GzipCompressionProviderOptions>(options => options.Level = CompressionLevel.Fastest);
        // Each page's one reader, per request like the query classes it calls.
        foreach (var reader in typeof(DashboardServices).Assembly.GetTypes()
                     .Where(type => type.Namespace == "Analytics.Dashboard.ReadModels" && type.Name.EndsWith("PageReader", StringComparison.Ordinal) && type.IsClass))
            services.AddScoped(reader);
        services.AddScoped<Filters.FilterOptions>();
        services.AddSingleton<Charts.DistrictBoundaries>();
        services.AddSingleton<Charts.ForceAreaBoundaries>();
        return services;
    }

    public static WebApplication UseDashboard(this WebApplication app)
    {
        app.UseExceptionHandler("/error");
        app.UseStatusCodePagesWithReExecute("/not-found", "?status={0}");
        app.UseSecurityHeaders();
        app.UseReadOnlyMethods();
        // Before compression, so that pages are kept compressed and a kept page costs no compressing either.
        app.UseOutputCache();
        app.UseResponseCompression();
        app.UseStaticFiles(new StaticFileOptions
        {
            // Addresses carry a version (asp-append-version), so a browser may keep them for a year.
            OnPrepareResponse = context => context.Context.Response.Headers.CacheControl =
                context.Context.Request.Query.ContainsKey("v") ? "public, max-age=31536000, immutable" : "public, max-age=3600",
        });
        app.UseRouting();
        app.MapRazorPages();
        app.MapHealth();
        return app;
    }
}
