using System.Text.RegularExpressions;

namespace Analytics.Etl.Loading;

/// <summary>Every kind of source file the ETL loads, with its header, raw table and row checks.</summary>
public static partial class SourceSpecs
{
    public static readonly string[] StreetHeader =
        ["Crime ID", "Month", "Reported by", "Falls within", "Longitude", "Latitude", "Location", "LSOA code", "LSOA name", "Crime type", "Last outcome category", "Context"];
    public static readonly string[] OutcomesHeader =
        ["Crime ID", "Month", "Reported by", "Falls within", "Longitude", "Latitude", "Location", "LSOA code", "LSOA name", "Outcome type"];
    public static readonly string[] StopAndSearchHeader =
        ["Type", "Date", "Part of a policing operation", "Policing operation", "Latitude", "Longitude", "Gender", "Age range", "Self-defined ethnicity", "Officer-defined ethnicity", "Legislation", "Object of search", "Outcome", "Outcome linked to object of search", "Removal of more than just outer clothing"];

    private static readonly FieldRule[] MonthRules =
    [
        new("Month", "month IS NULL OR NOT regexp_full_match(month, '\\d{4}-(0[1-9]|1[0-2])')",
            "'month ''' || coalesce(month, '') || ''' is not a month in YYYY-MM form'"),
        new("Month", "month > $current_month", "'month ' || month || ' is in the future'"),
        new("Month", "month <> $file_month", "'month ' || month || ' does not match the file''s month ' || $file_month"),
    ];

    private static readonly FieldRule[] LocationRules =
    [
        new("Falls within", "falls_within IS NULL", "'the force (Falls within) is blank'"),
        new("Longitude", "longitude IS NOT NULL AND coalesce(NOT (TRY_CAST(longitude AS DOUBLE) BETWEEN -180 AND 180), true)",
            "'longitude ''' || longitude || ''' is not a number between -180 and 180'"),
        new("Latitude", "latitude IS NOT NULL AND coalesce(NOT (TRY_CAST(latitude AS DOUBLE) BETWEEN -90 AND 90), true)",
            "'latitude ''' || latitude || ''' is not a number between -90 and 90'"),
        new("LSOA code", "lsoa_code IS NOT NULL AND NOT regexp_full_match(trim(lsoa_code), '[EWSN]\\d{8}')",
            "'LSOA code ''' || lsoa_code || ''' is not a GSS code'"),
    ];

    public static SourceSpec PoliceStreet { get; } = new()
    {
        Kind = "police_street",
        RawTable = "raw.police_street",
        MapHeader = header => Exactly(header, StreetHeader,
            ["crime_id", "month", "reported_by", "falls_within", "longitude", "latitude", "location", "lsoa_code", "lsoa_name", "crime_type", "last_outcome_category", "context"]),
        // A repeated Crime ID is not a reject: every row loads, and the warehouse counts the crime once, from the
        // row its rule picks (warehouse/models/intermediate/int_street_records_ranked.sql).
        Rules =
        [
            .. MonthRules,
            new("Crime type", "crime_type IS NULL", "'the crime type is blank'"),
            new("Crime type", "crime_type IS NOT NULL AND crime_type NOT IN (SELECT crime_type FROM seeds.crime_types)",
                "'crime type ''' || crime_type || ''' is not one data.police.uk publishes (warehouse/seeds/crime_types.csv)'"),
            new("Crime ID", "crime_id IS NULL AND crime_type IS DISTINCT FROM 'Anti-social behaviour'",
                "'the Crime ID is blank; only anti-social behaviour rows have none'"),
            .. LocationRules,
        ],
    };

    public static SourceSpec PoliceOutcomes { get; } = new()
    {
        Kind = "police_outcomes",
        RawTable = "raw.police_outcomes",
        MapHeader = header => Exactly(header, OutcomesHeader,
            ["crime_id", "month", "reported_by", "falls_within", "longitude", "latitude", "location", "lsoa_code", "lsoa_name", "outcome_type"]),
        Rules =
        [
            .. MonthRules,
            new("Crime ID", "crime_id IS NULL", "'the Crime ID is blank; an outcome must name its crime'"),
            new("Outcome type", "outcome_type IS NULL", "'the outcome type is blank'"),
            .. LocationRules,
        ],
    };

    public static SourceSpec OnsLsoaLookup { get; } = new()
    {
        LoadOrder = 1,
        Kind = "ons_lsoa_lookup",
        RawTable = "raw.ons_lsoa_lookup",
        MapHeader = header => ByPattern(header,
            ("lsoa_code", LsoaCode()), ("lsoa_name", LsoaName()), ("district_code", DistrictCode()), ("district_name", DistrictName())),
        FileLevelColumns = ["lsoa_vintage"],
        HelperColumns = "min(line_number) OVER (PARTITION BY lsoa_code) AS first_line_of_lsoa",
        Rules =
        [
            new("LSOA code", "lsoa_code IS NULL OR NOT regexp_full_match(trim(lsoa_code), '[EW]01\\d{6}')",
                "'LSOA code ''' || coalesce(lsoa_code, '') || ''' is not an E01 or W01 GSS code'"),
            new("LSOA code", "line_number > first_line_of_lsoa", "'LSOA ' || lsoa_code || ' is listed again (first on line ' || first_line_of_lsoa || ')'"),
            new("district code", "district_code IS NULL OR NOT regexp_full_match(trim(district_code), '[EW]0[6-9]\\d{6}')",
                "'district code ''' || coalesce(district_code, '') || ''' is not a GSS district code'"),
        ],
    };

    public static SourceSpec OnsLsoaChanges { get; } = new()
    {
        LoadOrder = 1,
        Kind = "ons_lsoa_changes",
        RawTable = "raw.ons_lsoa_changes",
        MapHeader = header => ByPattern(header,
            ("lsoa11_code", Named("LSOA11CD")), ("lsoa11_name", Named("LSOA11NM")),
            ("lsoa21_code", Named("LSOA21CD")), ("lsoa21_name", Named("LSOA21NM")),
            ("change_indicator", Named("CHGIND")), ("district_code", DistrictCode()), ("district_name", DistrictName())),
        Rules =
        [
            new("LSOA11CD", "lsoa11_code IS NULL OR NOT regexp_full_match(trim(lsoa11_code), '[EW]01\\d{6}')",
                "'LSOA code ''' || coalesce(lsoa11_code, '') || ''' is not an E01 or W01 GSS code'"),
            new("LSOA21CD", "lsoa21_code IS NULL OR NOT regexp_full_match(trim(lsoa21_code), '[EW]01\\d{6}')",
                "'LSOA code ''' || coalesce(lsoa21_code, '') || ''' is not an E01 or W01 GSS code'"),
            new("district code", "district_code IS NULL OR NOT regexp_full_match(trim(district_code), '[EW]0[6-9]\\d{6}')",
                "'district code ''' || coalesce(district_code, '') || ''' is not a GSS district code'"),
        ],
    };

    public static SourceSpec OnsLsoaPopulation { get; } = new()
    {
        LoadOrder = 1,
        Kind = "ons_lsoa_population",
        RawTable = "raw.ons_lsoa_population",
        MapHeader = header => header.Count == 2 ? ByPattern(header, ("lsoa_code", LsoaCode()), ("population", LsoaPopulation())) : null,
        FileLevelColumns = ["estimate_year", "lsoa_vintage"],
        HelperColumns = "min(line_number) OVER (PARTITION BY lsoa_code) AS first_line_of_lsoa",
        Rules =
        [
            new("LSOA code", "lsoa_code IS NULL OR NOT regexp_full_match(trim(lsoa_code), '[EW]01\\d{6}')",
                "'LSOA code ''' || coalesce(lsoa_code, '') || ''' is not an E01 or W01 GSS code'"),
            new("LSOA code", "line_number > first_line_of_lsoa", "'LSOA ' || lsoa_code || ' is listed again (first on line ' || first_line_of_lsoa || ')'"),
            new("population", "TRY_CAST(population AS BIGINT) IS NULL OR TRY_CAST(population AS BIGINT) < 0",
                "'population ''' || coalesce(population, '') || ''' is not a whole number'"),
        ],
    };

    public static SourceSpec OnsDistrictHierarchy { get; } = new()
    {
        LoadOrder = 1,
        Kind = "ons_district_hierarchy",
        RawTable = "raw.ons_district_hierarchy",
        MapHeader = header => ByPattern(header,
            ("district_code", DistrictCode()), ("district_name", DistrictName()),
            ("partnership_code", Named(@"CSP\d{2}CD")), ("partnership_name", Named(@"CSP\d{2}NM")),
            ("force_area_code", Named(@"PFA\d{2}CD")), ("force_area_name", Named(@"PFA\d{2}NM"))),
        Rules =
        [
            new("district code", "district_code IS NULL", "'the district code is blank'"),
            new("partnership code", "partnership_code IS NULL", "'the partnership code is blank'"),
            new("force area code", "force_area_code IS NULL", "'the force area code is blank'"),
        ],
    };

    private static readonly string[] SeriesYears = ["pop_mid2021", "pop_mid2022", "pop_mid2023", "pop_mid2024"];
    /// <summary>The latest mid-year a population series holds: how fresh it is.</summary>
    public static int LatestSeriesYear => int.Parse(SeriesYears[^1][^4..], System.Globalization.CultureInfo.InvariantCulture);

    public static SourceSpec OnsPopulationSeries { get; } = new()
    {
        LoadOrder = 1,
        Kind = "ons_population_series",
        RawTable = "raw.ons_population_series",
        MapHeader = header => ByPattern(header,
            [("area_code", DistrictCode()), ("area_name", DistrictName()), ("geography", Named("Geography")),
             .. SeriesYears.Select(column => (column, Named(column)))]),
        Rules =
        [
            new("district code", "area_code IS NULL OR NOT regexp_full_match(trim(area_code), '[EW]0[6-9]\\d{6}')",
                "'district code ''' || coalesce(area_code, '') || ''' is not a GSS district code'"),
            .. SeriesYears.Select(column => new FieldRule(column,
                $"{column} IS NOT NULL AND coalesce(TRY_CAST({column} AS BIGINT) < 0, true)",
                $"'population ''' || {column} || ''' is not a whole number'")),
        ],
    };

    private static readonly string[] NeighbourColumns = ["level", "area_code", "area_name", "rank", "neighbour_code", "neighbour_name", "relative_distance"];

    public static SourceSpec OnsNearestNeighbours { get; } = new()
    {
        LoadOrder = 1,
        Kind = "ons_nearest_neighbours",
        RawTable = "raw.ons_nearest_neighbours",
        MapHeader = header => Exactly(header, NeighbourColumns, NeighbourColumns),
        Rules =
        [
            new("level", "level IS NULL OR level NOT IN ('LTLA', 'UTLA')", "'level ''' || coalesce(level, '') || ''' is not LTLA or UTLA'"),
            new("area_code", "area_code IS NULL", "'the area code is blank'"),
            new("neighbour_code", "neighbour_code IS NULL", "'the neighbour code is blank'"),
            new("rank", "coalesce(TRY_CAST(rank AS INTEGER) < 1, true)", "'rank ''' || coalesce(rank, '') || ''' is not a whole number from 1'"),
        ],
    };

    public static SourceSpec OnsPartnershipNames { get; } = AreaNames("partnership", "CSP");
    public static SourceSpec OnsForceAreaNames { get; } = AreaNames("force_area", "PFA");

    public static SourceSpec DistrictCodes { get; } = new()
    {
        LoadOrder = 1,
        Kind = "district_codes",
        RawTable = "raw.district_codes",
        MapHeader = header => ByPattern(header,
            ("district_code", Named("LADCD")), ("district_name", Named("LADNM")),
            ("active_code", Named("LADCD_ACTIVE")), ("active_name", Named("LADNM_ACTIVE")),
            ("upper_tier_code", Named("UTLACD")), ("upper_tier_name", Named("UTLANM")), ("is_current", Named("Current"))),
        Rules =
        [
            new("LADCD", "district_code IS NULL", "'the district code is blank'"),
            new("LADCD_ACTIVE", "active_code IS NULL", "'the active district code is blank'"),
        ],
    };

    public static SourceSpec OnsPopulation { get; } = new()
    {
        LoadOrder = 1,
        Kind = "ons_population",
        RawTable = "raw.ons_population",
        MapHeader = header => ByPattern(header,
            ("area_code", Named("Code")), ("area_name", Named("Name")), ("geography", Named("Geography")),
            ("population", Named("Population|All ages|All persons|Count"))),
        FileLevelColumns = ["estimate_year"],
        Rules =
        [
            new("Code", "area_code IS NULL", "'the area code is blank'"),
            new("Population", "population IS NULL OR TRY_CAST(replace(population, ',', '') AS BIGINT) IS NULL OR TRY_CAST(replace(population, ',', '') AS BIGINT) < 0",
                "'population ''' || coalesce(population, '') || ''' is not a whole number'"),
        ],
    };

    /// <summary>Loaded in this order, so that a header is claimed by the most specific spec.</summary>
    public static IReadOnlyList<SourceSpec> All { get; } =
        [PoliceStreet, PoliceOutcomes, OnsDistrictHierarchy, OnsLsoaChanges, OnsLsoaLookup, OnsLsoaPopulation, DistrictCodes, OnsPartnershipNames,
         OnsForceAreaNames, OnsPopulationSeries, OnsPopulation, OnsNearestNeighbours,
         FundingSpecs.FundingReturns, FundingSpecs.ServiceReturns];

    private static SourceSpec AreaNames(string areaType, string prefix) => new()
    {
        LoadOrder = 1,
        Kind = $"ons_{areaType}_names",
        RawTable = "raw.ons_area_names",
        MapHeader = header => header.Any(name => DistrictCode().IsMatch(name)) ? null : ByPattern(header,
            ("area_code", Named(prefix + @"\d{2}CD")), ("area_name", Named(prefix + @"\d{2}NM")), ("area_name_welsh", Named(prefix + @"\d{2}NMW")))
            ?? ByPattern(header, ("area_code", Named(prefix + @"\d{2}CD")), ("area_name", Named(prefix + @"\d{2}NM"))),
        FileLevelColumns = ["area_type"],
        Rules = [new(prefix + " code", "area_code IS NULL", "'the area code is blank'")],
    };

    private static Dictionary<string, int>? Exactly(IReadOnlyList<string> header, string[] expected, string[] columns) =>
        header.SequenceEqual(expected) ? columns.Select((column, index) => (column, index)).ToDictionary(c => c.column, c => c.index) : null;

    private static Dictionary<string, int>? ByPattern(IReadOnlyList<string> header, params (string Column, Regex Pattern)[] wanted)
    {
        var map = new Dictionary<string, int>();
        foreach (var (column, pattern) in wanted)
        {
            var index = header.ToList().FindIndex(name => pattern.IsMatch(name));
            if (index < 0) return null;
            map[column] = index;
        }
        return map;
    }

    private static Regex Named(string pattern) => new($"^(?:{pattern})$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    [GeneratedRegex(@"^LSOA(11|21)CD$", RegexOptions.IgnoreCase)] internal static partial Regex LsoaCode();
    [GeneratedRegex(@"^mid(\d{4})_population$", RegexOptions.IgnoreCase)] internal static partial Regex LsoaPopulation();
    [GeneratedRegex(@"^LSOA(11|21)NM$", RegexOptions.IgnoreCase)] private static partial Regex LsoaName();
    [GeneratedRegex(@"^LAD(\d{2})?CD$", RegexOptions.IgnoreCase)] private static partial Regex DistrictCode();
    [GeneratedRegex(@"^LAD(\d{2})?NM$", RegexOptions.IgnoreCase)] private static partial Regex DistrictName();
}
