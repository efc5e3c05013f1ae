using System.Text.RegularExpressions;

namespace Analytics.Etl.Loading;

/// <summary>Funding returns and commissioned service returns, in the templates documented in etl/README.md.</summary>
public static class FundingSpecs
{
    public static readonly string[] FundingColumns =
    [
        "financial_year", "funder", "funding_stream", "recipient", "recipient_type", "commissioned_service", "area_served",
        "commissioning_model", "budget_arrangement", "amount_allocated", "amount_spent", "source", "source_url", "notes",
    ];

    public static readonly string[] ServiceReturnColumns =
        ["provider", "commissioned_service", "financial_year", "financial_quarter", "measure", "value", "source", "notes"];

    /// <summary>"Service level", "service-level" and "SERVICE_LEVEL" are one value.</summary>
    public static string Normalised(string column) => $"lower(regexp_replace(trim({column}), '[\\s-]+', '_', 'g'))";

    /// <summary>An amount as a number of pounds: "£1,234.50" and "1234.5" alike; NULL when it is not one.</summary>
    public static string Money(string column) => $"TRY_CAST(replace(replace(trim({column}), ',', ''), '£', '') AS DECIMAL(18, 2))";

    // District and force area codes the warehouse knows, from every geography file loaded so far (this run's too:
    // the ETL loads geography before funding).
    private const string KnownAreaCodes = """
        (SELECT district_code FROM raw.district_codes UNION SELECT active_code FROM raw.district_codes
         UNION SELECT district_code FROM raw.ons_district_hierarchy UNION SELECT force_area_code FROM raw.ons_district_hierarchy
         UNION SELECT district_code FROM raw.ons_lsoa_lookup UNION SELECT area_code FROM raw.ons_area_names WHERE area_type = 'force_area')
        """;

    private static FieldRule FinancialYear(string field = "financial_year") => new(field,
        "financial_year IS NULL OR NOT regexp_full_match(trim(financial_year), '\\d{4}/\\d{2}') " +
        "OR (CAST(left(trim(financial_year), 4) AS INTEGER) + 1) % 100 <> CAST(right(trim(financial_year), 2) AS INTEGER)",
        "'financial year ''' || coalesce(financial_year, '') || ''' is not in the form 2024/25'");

    private static FieldRule Required(string column) => new(column, $"{column} IS NULL OR trim({column}) = ''", $"'{column} is blank'");

    private static FieldRule OneOf(string column, string vocabulary) => new(column,
        $"{column} IS NOT NULL AND {Normalised(column)} NOT IN (SELECT value FROM seeds.funding_vocabulary WHERE field = '{vocabulary}')",
        $"'{column} ''' || {column} || ''' is not one of: ' || (SELECT string_agg(value, ', ' ORDER BY value) FROM seeds.funding_vocabulary WHERE field = '{vocabulary}')");

    public static SourceSpec FundingReturns { get; } = new()
    {
        Kind = "funding_returns",
        RawTable = "raw.funding_returns",
        LoadOrder = 3,
        MapHeader = header => Columns(header, FundingColumns),
        HelperColumns = $"""
            min(line_number) OVER (PARTITION BY financial_year, funder, funding_stream, recipient, commissioned_service, area_served) AS first_line_of_return,
            (SELECT string_agg(code, ', ') FROM (SELECT trim(unnest(string_split(area_served, ';'))) AS code)
             WHERE code <> '' AND code NOT IN {KnownAreaCodes}) AS unknown_areas
            """,
        Rules =
        [
            FinancialYear(),
            Required("funder"),
            Required("funding_stream"),
            Required("recipient"),
            Required("recipient_type"),
            OneOf("recipient_type", "recipient_type"),
            Required("area_served"),
            new("area_served", "unknown_areas IS NOT NULL",
                "'area ' || unknown_areas || ' is not a known district or police force area code'"),
            Required("commissioning_model"),
            OneOf("commissioning_model", "commissioning_model"),
            Required("budget_arrangement"),
            OneOf("budget_arrangement", "budget_arrangement"),
            Required("amount_allocated"), // blank is not nothing: the staging model would read it as 0.00
            new("amount_allocated", $"amount_allocated IS NOT NULL AND {Money("amount_allocated")} IS NULL",
                "'amount allocated ''' || amount_allocated || ''' is not an amount of money'"),
            new("amount_allocated", $"{Money("amount_allocated")} < 0", "'amount allocated ' || amount_allocated || ' is negative'"),
            new("amount_spent", $"amount_spent IS NOT NULL AND {Money("amount_spent")} IS NULL",
                "'amount spent ''' || amount_spent || ''' is not an amount of money'"),
            new("amount_spent", $"{Money("amount_spent")} < 0", "'amount spent ' || amount_spent || ' is negative'"),
            new("amount_spent", $"{Money("amount_spent")} > 0 AND coalesce({Money("amount_allocated")}, 0) = 0",
                "'spend of ' || amount_spent || ' has no allocation: give the amount allocated'"),
            Required("source"),
            OneOf("source", "source"),
            new("source_url", "lower(trim(source)) = 'published' AND (source_url IS NULL OR trim(source_url) = '')",
                "'a published figure needs its source_url'"),
            new("financial_year", "line_number > first_line_of_return",
                "'the same return line (year, funder, stream, recipient, service and area) is on line ' || first_line_of_return"),
            new("financial_year", $"{FundingReturnIdentity.LineInAnotherReturn} IS NOT NULL",
                $"'the same return line (year, funder, stream, recipient, service and area) is already loaded from ' || {FundingReturnIdentity.LineInAnotherReturn} || " +
                "'; a return replaces another only when it covers all of that return''s funders and years'"),
        ],
    };

    public static SourceSpec ServiceReturns { get; } = new()
    {
        Kind = "service_returns",
        RawTable = "raw.service_returns",
        LoadOrder = 3,
        MapHeader = header => Columns(header, ServiceReturnColumns),
        HelperColumns = "min(line_number) OVER (PARTITION BY provider, commissioned_service, financial_year, financial_quarter, measure) AS first_line_of_figure",
        Rules =
        [
            Required("provider"),
            Required("commissioned_service"),
            FinancialYear(),
            new("financial_quarter", "financial_quarter IS NULL OR upper(trim(financial_quarter)) NOT IN ('Q1', 'Q2', 'Q3', 'Q4')",
                "'financial quarter ''' || coalesce(financial_quarter, '') || ''' is not Q1, Q2, Q3 or Q4'"),
            Required("measure"),
            OneOf("measure", "service_measure"),
            // A pattern, not a cast: DuckDB would round '2.5' to 3.
            new("value", "value IS NULL OR NOT regexp_full_match(trim(value), '\\d{1,15}')",
                "'value ''' || coalesce(value, '') || ''' is not a whole number of people'"),
            Required("source"),
            OneOf("source", "source"),
            new("measure", "line_number > first_line_of_figure",
                "'the same provider, service, quarter and measure is on line ' || first_line_of_figure"),
        ],
    };

    /// <summary>Template columns by name, in any order and case; null unless every one is present.</summary>
    private static Dictionary<string, int>? Columns(IReadOnlyList<string> header, string[] columns)
    {
        var positions = header.Select((name, index) => (name: Regex.Replace(name.Trim().ToLowerInvariant(), @"\s+", "_"), index))
            .GroupBy(column => column.name).ToDictionary(group => group.Key, group => group.First().index);
        return columns.All(positions.ContainsKey) ? columns.ToDictionary(column => column, column => positions[column]) : null;
    }
}
