using Dapper;

namespace Analytics.Warehouse.Queries;

/// <summary>
/// Which records a count is made of: a force area and financial year, narrowed to one of its districts or
/// partnerships, a crime type, recorded crime or anti-social behaviour, and a month.
/// </summary>
/// <param name="RecordedCrime">True for recorded crime only, false for anti-social behaviour only, null for both.</param>
/// <param name="Month">The first day of one month of the year, or null for the whole year.</param>
public sealed record RecordSelection(
    string ForceArea, string Year, string? District = null, string? Partnership = null, string? CrimeType = null,
    bool? RecordedCrime = null, DateOnly? Month = null);

/// <summary>One counted record as its force published it, with the file and line it was loaded from.</summary>
/// <param name="SourcePath">The file as meta.source_files stores it (a zip's entry after '!').</param>
public sealed record ListedRecord(
    string? CrimeId, DateTime Month, string? Location, string? LsoaCode, string? LsoaName, string CrimeType,
    string? LastOutcome, string SourcePath, long SourceLineNumber);

/// <summary>
/// The drill-through from a count to its records, read from marts.crime_record_list: the same records the crime
/// marts count, so a listing's total equals the figure it was reached from. Pages are read in a stable order
/// (month, then file and line) with the page size and offset bound as parameters.
/// </summary>
public sealed class RecordListQueries(IWarehouseReader reader)
{
    private const string Where = """
        WHERE force_area_code = $force_area AND financial_year = $year
          AND ($district IS NULL OR district_code = $district)
          AND ($partnership IS NULL OR partnership_code = $partnership)
          AND ($crime_type IS NULL OR crime_type = $crime_type)
          AND ($recorded_crime IS NULL OR is_recorded_crime = $recorded_crime)
          AND ($month IS NULL OR month = CAST($month AS DATE))
        """;

    public long Count(RecordSelection selection)
    {
        using var connection = reader.Open();
        return connection.ExecuteScalar<long>("SELECT count(*) FROM marts.crime_record_list " + Where, Parameters(selection));
    }

    /// <summary>At most <paramref name="limit"/> records from the <paramref name="offset"/>th, in month, file and line order.</summary>
    public IReadOnlyList<ListedRecord> Page(RecordSelection selection, long offset, int limit)
    {
        var parameters = Parameters(selection);
        parameters.Add("offset", offset);
        parameters.Add("limit", limit);
        using var connection = reader.Open();
        return connection.Query<ListedRecord>($"""
            SELECT crime_id AS CrimeId, CAST(month AS TIMESTAMP) AS Month, location AS Location, lsoa_code AS LsoaCode,
                   lsoa_name AS LsoaName, crime_type AS CrimeType, last_outcome AS LastOutcome,
                   source_path AS SourcePath, source_line_number AS SourceLineNumber
            FROM marts.crime_record_list
            {Where}
            ORDER BY month, source_file_id, source_line_number
            LIMIT $limit OFFSET $offset
            """, parameters).ToList();
    }

    /// <summary>The Community Safety Partnerships of the force area, by name.</summary>
    public IReadOnlyList<DistrictOption> Partnerships(string forceArea)
    {
        using var connection = reader.Open();
        return connection.Query<DistrictOption>("""
            SELECT DISTINCT area_code AS Code, area_name AS Name FROM marts.crime_rates_by_area_year
            WHERE area_type = 'partnership' AND force_area_code = $force_area ORDER BY Name, Code
            """, new { force_area = forceArea }).ToList();
    }

    private static DynamicParameters Parameters(RecordSelection selection) => new(new
    {
        force_area = selection.ForceArea,
        year = selection.Year,
        district = selection.District,
        partnership = selection.Partnership,
        crime_type = selection.CrimeType,
        recorded_crime = selection.RecordedCrime,
        month = selection.Month?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
    });
}
