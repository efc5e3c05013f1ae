using System.Globalization;
using Analytics.Dashboard.Charts;
using Analytics.Warehouse.Queries;

namespace Analytics.Dashboard.Records;

/// <summary>Records as the page and the download hold them: each field as published, with the file and line it came from.</summary>
public static class RecordTable
{
    public static DataTable For(IReadOnlyList<ListedRecord> rows) => new(
        [new("crime_id", "Crime ID"), new("month", "Month"), new("location", "Location"), new("lsoa_code", "LSOA code"),
         new("lsoa_name", "LSOA name"), new("crime_type", "Crime type"), new("last_outcome", "Last outcome"),
         new("source_file", "Source file"), new("source_line", "Line")],
        rows.Select(r => (IReadOnlyList<object?>)[r.CrimeId, r.Month.ToString("yyyy-MM", CultureInfo.InvariantCulture),
            r.Location, r.LsoaCode, r.LsoaName, r.CrimeType, r.LastOutcome, r.SourcePath, r.SourceLineNumber]).ToList());
}
