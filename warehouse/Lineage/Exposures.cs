using Analytics.Warehouse.Schema;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Analytics.Warehouse.Lineage;

/// <summary>One dashboard page as warehouse/exposures.yml lists it: the marts its code reads and the figures it shows.</summary>
public sealed class Exposure
{
    /// <summary>The page's short name, as the lineage page's address has it (?page=crime).</summary>
    public string Page { get; set; } = "";
    /// <summary>The page's route template, such as /crime or /districts/{code}.</summary>
    public string Route { get; set; } = "";
    public string Title { get; set; } = "";
    public List<string> DependsOn { get; set; } = [];
    public List<ExposedFigure> Figures { get; set; } = [];

    /// <summary>The figure an id on this page names, matching ids that end in * by their start.</summary>
    public ExposedFigure? Figure(string id) =>
        Figures.FirstOrDefault(figure => figure.Id == id)
        ?? Figures.FirstOrDefault(figure => figure.IsPattern && id.Length > figure.Id.Length - 1 && id.StartsWith(figure.Id[..^1], StringComparison.Ordinal));
}

/// <summary>A chart or table of a page, the mart and columns it is drawn from.</summary>
public sealed class ExposedFigure
{
    /// <summary>The chart's ChartPanel id; ending in * it stands for every id with that start (one chart per measure).</summary>
    public string Id { get; set; } = "";
    /// <summary>chart or table.</summary>
    public string Kind { get; set; } = "chart";
    public string Title { get; set; } = "";
    public string Mart { get; set; } = "";
    public List<string> Columns { get; set; } = [];
    /// <summary>Its counts are counts of crime records, which can be followed to the records themselves.</summary>
    public bool CountsRecords { get; set; }
    /// <summary>It sets the chosen force area beside others, so every force's police files feed it.</summary>
    public bool AcrossForceAreas { get; set; }

    public bool IsPattern => Id.EndsWith('*');
}

/// <summary>warehouse/exposures.yml, compiled into the assembly: which page reads which marts.</summary>
public static class Exposures
{
    private static readonly Lazy<IReadOnlyList<Exposure>> Loaded = new(() => Parse(EmbeddedSql.Read("exposures.yml")));

    public static IReadOnlyList<Exposure> All => Loaded.Value;

    public static Exposure? Page(string? page) => All.FirstOrDefault(exposure => string.Equals(exposure.Page, page?.Trim(), StringComparison.OrdinalIgnoreCase));

    /// <summary>The page served at a route template (with or without its leading slash, as ASP.NET Core gives it).</summary>
    public static Exposure? ForRoute(string? template) =>
        All.FirstOrDefault(exposure => string.Equals(exposure.Route.Trim('/'), template?.Trim('/'), StringComparison.OrdinalIgnoreCase));

    public static IReadOnlyList<Exposure> Parse(string yaml)
    {
        var file = new DeserializerBuilder().WithNamingConvention(UnderscoredNamingConvention.Instance).Build()
            .Deserialize<ExposuresFile>(yaml);
        return file.Exposures;
    }

    private sealed class ExposuresFile
    {
        public List<Exposure> Exposures { get; set; } = [];
    }
}
