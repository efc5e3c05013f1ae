using Dapper;
using DuckDB.NET.Data;

namespace Analytics.Etl.Loading;

/// <summary>
/// Which return a funding return file is, whatever it is called or saved as: the funders and financial years of its
/// lines. A new file replaces every current return whose funders and years it covers, so a return saved again as
/// .xlsx, or a corrected copy named -v2.csv, replaces the first instead of loading beside it (documented in
/// etl/README.md, "Funding returns").
/// </summary>
public static class FundingReturnIdentity
{
    /// <summary>A funder and year as compared: case and surrounding spaces do not make another funder.</summary>
    private static string Pair(string funder, string year) => $"lower(trim({funder})) || ' ' || trim({year})";

    /// <returns>The file's replaces_key (its funders and years, sorted) and the current returns it replaces.</returns>
    public static (string Key, IReadOnlyList<int> Replaces) Find(DuckDBConnection connection, Classification classification)
    {
        // Column positions come from the header map; no value of the file reaches the SQL text.
        var year = $"c{classification.ColumnMap["financial_year"] + 1}";
        var funder = $"c{classification.ColumnMap["funder"] + 1}";
        var pairs = connection.Query<string>($$"""
            SELECT DISTINCT {{Pair(funder, year)}} FROM stage_rows
            WHERE regexp_full_match(trim({{year}}), '\d{4}/\d{2}') AND trim({{funder}}) <> ''
            ORDER BY 1
            """).ToList();
        var replaces = pairs.Count == 0 ? [] : connection.Query<int>($"""
            SELECT returns.file_id
            FROM raw.funding_returns AS returns
            JOIN meta.source_files AS files ON files.file_id = returns.file_id AND files.status = 'loaded'
            GROUP BY returns.file_id
            HAVING bool_and(list_contains(string_split($pairs, chr(31)), {Pair("returns.funder", "returns.financial_year")}))
            ORDER BY returns.file_id
            """, new { pairs = string.Join('\u001f', pairs) }).ToList(); // one text: Dapper would expand a list
        // A return with no usable line (a blank template) has no funders or years: it is known by its name.
        return (pairs.Count == 0 ? classification.ReplacesKey : $"{FundingSpecs.FundingReturns.Kind}:{string.Join("; ", pairs)}", replaces);
    }

    /// <summary>
    /// The same return line (year, funder, stream, recipient, service and area, compared without case) in a return
    /// that stays current: its file and line, for the reject. Rows of the returns this file replaces are gone by then.
    /// The file's own values are qualified by FileLoader's alias for the checked rows, "typed".
    /// </summary>
    public const string LineInAnotherReturn = """
        (SELECT files.source_path || ', line ' || other.line_number
         FROM raw.funding_returns AS other JOIN meta.source_files AS files ON files.file_id = other.file_id AND files.status = 'loaded'
         WHERE lower(trim(other.financial_year)) = lower(trim(typed.financial_year)) AND lower(trim(other.funder)) = lower(trim(typed.funder))
           AND lower(trim(other.funding_stream)) = lower(trim(typed.funding_stream)) AND lower(trim(other.recipient)) = lower(trim(typed.recipient))
           AND lower(trim(coalesce(other.commissioned_service, ''))) = lower(trim(coalesce(typed.commissioned_service, '')))
           AND lower(trim(other.area_served)) = lower(trim(typed.area_served))
         ORDER BY other.file_id, other.line_number LIMIT 1)
        """;
}
