using System.Text.RegularExpressions;
using Analytics.Etl.Sources;

namespace Analytics.Etl.Loading;

/// <summary>What a run will do with one file: load it by a spec, or pass over it and say why.</summary>
public sealed record Classification(
    SourceSpec? Spec, IReadOnlyDictionary<string, int> ColumnMap, IReadOnlyDictionary<string, object> FileValues,
    string ReplacesKey, string? Period, string? ForceSlug, string? SkipReason);

/// <summary>Decides from a file's name and header which kind of source it is.</summary>
public static partial class SourceClassifier
{
    /// <param name="knownForces">The force slugs data.police.uk publishes, in lower case.</param>
    public static Classification Classify(DiscoveredFile file, IReadOnlyList<string> header, IReadOnlySet<string> knownForces)
    {
        var police = PoliceFileName().Match(file.FileName);
        if (police.Success)
        {
            // Slugs are matched without case: 2025-09-KENT-street.csv is Kent's file, not a new force's.
            var (month, force, kind) = (police.Groups[1].Value, police.Groups[2].Value.ToLowerInvariant(), police.Groups[3].Value.ToLowerInvariant());
            if (!knownForces.Contains(force))
                throw new SourceFileException(file.SourcePath,
                    $"'{police.Groups[2].Value}' is not a police force data.police.uk publishes: keep the force as the download names it, such as kent, metropolitan or avon-and-somerset (warehouse/seeds/police_forces.csv lists them)");
            if (kind == "stop-and-search")
                return Skip("stop and search files are recognised but not loaded into this warehouse");
            var spec = kind == "street" ? SourceSpecs.PoliceStreet : SourceSpecs.PoliceOutcomes;
            var expected = kind == "street" ? SourceSpecs.StreetHeader : SourceSpecs.OutcomesHeader;
            var map = spec.MapHeader(header) ?? throw new SourceFileException(file.SourcePath,
                $"the header is not data.police.uk's {kind} header: expected '{string.Join(',', expected)}' but found '{string.Join(',', header)}'");
            return new Classification(spec, map, new Dictionary<string, object> { ["file_month"] = month },
                $"{spec.Kind}:{force}:{month}", month, force, null);
        }

        foreach (var spec in SourceSpecs.All.Where(spec => !spec.Kind.StartsWith("police_", StringComparison.Ordinal)))
        {
            if (spec.MapHeader(header) is not { } map) continue;
            var values = FileValues(spec, file, header);
            // A series of estimates is as fresh as its latest year.
            var period = values.TryGetValue("estimate_year", out var year) ? year.ToString()
                : spec == SourceSpecs.OnsPopulationSeries ? SourceSpecs.LatestSeriesYear.ToString(System.Globalization.CultureInfo.InvariantCulture) : null;
            return new Classification(spec, map, values, $"{spec.Kind}:{file.FileName}", period, null, null);
        }

        if (header.SequenceEqual(SourceSpecs.StreetHeader) || header.SequenceEqual(SourceSpecs.OutcomesHeader))
            throw new SourceFileException(file.SourcePath, "a data.police.uk file must keep its published name, YYYY-MM-<force>-street.csv or YYYY-MM-<force>-outcomes.csv");
        if (header.SequenceEqual(SourceSpecs.StopAndSearchHeader))
            return Skip("stop and search files are recognised but not loaded into this warehouse");
        throw new SourceFileException(file.SourcePath,
            $"the header '{Shorten(string.Join(',', header))}' matches no source this ETL loads (data.police.uk street or outcomes files, ONS lookups, ONS population estimates)");
    }

    /// <summary>
    /// Where a file comes in a run's loading order, from its name and (for CSVs) its header line alone:
    /// geography and population first, then police data, then funding, service returns and plans,
    /// whose checks look up the geography.
    /// </summary>
    public static int LoadOrder(DiscoveredFile file)
    {
        var extension = Path.GetExtension(file.FileName).ToLowerInvariant();
        if (extension is ".xlsx" or ".yaml" or ".yml") return 3;
        if (extension != ".csv") return 2;
        try
        {
            var header = CsvStager.SplitHeader(FirstLine(file.LocalPath));
            if (PoliceFileName().IsMatch(file.FileName)) return 2;
            return SourceSpecs.All.FirstOrDefault(spec => !spec.Kind.StartsWith("police_", StringComparison.Ordinal) && spec.MapHeader(header) is not null)?.LoadOrder ?? 2;
        }
        catch (IOException)
        {
            return 2; // reported when the file is loaded
        }
    }

    /// <summary>The first line, read no further than a header may be long: a file of one huge line costs nothing here.</summary>
    private static string FirstLine(string path)
    {
        using var reader = new StreamReader(path);
        var buffer = new char[InputLimits.MaxLineBytes];
        var read = reader.ReadBlock(buffer);
        var end = buffer.AsSpan(0, read).IndexOfAny('\n', '\r');
        return new string(buffer, 0, end >= 0 ? end : read);
    }

    private static Dictionary<string, object> FileValues(SourceSpec spec, DiscoveredFile file, IReadOnlyList<string> header)
    {
        var values = new Dictionary<string, object>();
        if (spec == SourceSpecs.OnsLsoaLookup)
            values["lsoa_vintage"] = header.Any(name => name.Equals("LSOA21CD", StringComparison.OrdinalIgnoreCase)) ? 2021 : 2011;
        if (spec == SourceSpecs.OnsLsoaPopulation)
        {
            values["lsoa_vintage"] = header.Any(name => name.Equals("LSOA21CD", StringComparison.OrdinalIgnoreCase)) ? 2021 : 2011;
            values["estimate_year"] = int.Parse(header.Select(name => SourceSpecs.LsoaPopulation().Match(name)).First(match => match.Success).Groups[1].Value);
        }
        if (spec == SourceSpecs.OnsPartnershipNames) values["area_type"] = "partnership";
        if (spec == SourceSpecs.OnsForceAreaNames) values["area_type"] = "force_area";
        if (spec == SourceSpecs.OnsPopulation)
        {
            var year = EstimateYear().Match(file.FileName);
            if (!year.Success)
                throw new SourceFileException(file.SourcePath, "cannot tell which mid-year this population estimate is for: keep the year in the file name, as in ons_mye_mid2023_ew_by_geography.csv");
            var value = int.Parse(year.Groups[1].Value);
            values["estimate_year"] = value < 100 ? 2000 + value : value;
        }
        return values;
    }

    private static Classification Skip(string reason) =>
        new(null, new Dictionary<string, int>(), new Dictionary<string, object>(), "", null, null, reason);

    private static string Shorten(string text) => text.Length <= 200 ? text : text[..200] + "...";

    [GeneratedRegex(@"^(\d{4}-(?:0[1-9]|1[0-2]))-([a-z0-9-]+?)-(street|outcomes|stop-and-search)\.csv$", RegexOptions.IgnoreCase)]
    private static partial Regex PoliceFileName();

    [GeneratedRegex(@"(?:mid|mye)[-_ ]?(20\d{2}|\d{2})(?!\d)", RegexOptions.IgnoreCase)]
    private static partial Regex EstimateYear();
}
