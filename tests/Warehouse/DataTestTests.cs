using Analytics.Tests.Support;
using Analytics.Warehouse;
using Analytics.Warehouse.Testing;
using Dapper;

namespace Analytics.Tests.Warehouse;

/// <summary>The dbt-style data tests pass on the real sample, and each kind catches the fault it exists for.</summary>
[Collection(SampleWarehouseCollection.Name)]
public sealed class DataTestTests(SampleWarehouseFixture sample) : IDisposable
{
    private readonly TemporaryWarehouse scratch = new();

    [Fact]
    public void Every_data_test_passes_on_the_bundled_sample()
    {
        using var connection = DuckDbConnections.OpenReadOnly(sample.Warehouse.Published.Path);
        var failures = DataTestRunner.RunAll(connection).Where(result => !result.Passed)
            .Select(result => $"{result.Test.Model} {result.Test.Name}: {result.FailingRows} rows, e.g. {result.Example}").ToList();
        Assert.True(failures.Count == 0, string.Join("\n", failures));
        Assert.True(DataTestCatalog.All.Count > 100, "every model declares its tests");
    }

    [Theory]
    [InlineData("INSERT INTO core.fct_crime_records (record_key, force_key, month_key, geography_key, crime_type_key, last_outcome_key) VALUES ('x:1', 'kent', 202501, 'E01NOWHERE', 'burglary', 'none')",
        "core.fct_crime_records", "relationship(geography_key -> core.dim_geography.geography_key)")]
    [InlineData("INSERT INTO core.dim_month (month_key, financial_year, financial_quarter) VALUES (202501, '2024/25', 'Q4')",
        "core.dim_month", "unique_key(month_key)")]
    [InlineData("UPDATE core.dim_month SET financial_quarter = 'Q5' WHERE month_key = 202504",
        "core.dim_month", "accepted_values(financial_quarter)")]
    [InlineData("UPDATE core.dim_district SET district_name = NULL WHERE district_code = 'E07000105'",
        "core.dim_district", "not_null(district_name)")]
    [InlineData("INSERT INTO marts.crime_by_district_month SELECT * FROM marts.crime_by_district_month LIMIT 1",
        "marts.crime_by_district_month", "unique_key(force_code, district_code, month, crime_type)")]
    [InlineData("UPDATE meta.source_files SET rows_loaded = rows_loaded - 1 WHERE file_id = 1",
        "meta.source_files", "assert_source_rows_balance")]
    [InlineData("UPDATE marts.crime_by_district_month SET incidents = incidents + 1 WHERE district_code = 'E07000105' AND crime_type = 'Drugs' AND month = DATE '2025-01-01'",
        "marts.crime_by_district_month", "assert_mart_counts_every_record")]
    [InlineData("DELETE FROM marts.crime_records_set_aside WHERE source_line_number = (SELECT min(source_line_number) FROM marts.crime_records_set_aside)",
        "marts.crime_records_set_aside", "assert_street_rows_counted_or_set_aside")]
    [InlineData("UPDATE marts.crime_by_area_month SET incidents = incidents + 1 WHERE area_type = 'district' AND area_code = 'E07000105' AND crime_type = 'Drugs' AND month = DATE '2025-01-01'",
        "marts.crime_record_list", "assert_record_list_matches_counts")]
    [InlineData("UPDATE intermediate.int_crime_records_classified SET counted_district_code = NULL WHERE (source_file_id, source_line_number) = (SELECT (source_file_id, source_line_number) FROM intermediate.int_crime_records_classified WHERE counted_district_code = 'E07000105' ORDER BY ALL LIMIT 1)",
        "marts.crime_record_list", "assert_record_list_matches_counts")]
    [InlineData("UPDATE core.fct_crime_records SET crime_id = 'copy' WHERE record_key IN (SELECT record_key FROM core.fct_crime_records WHERE force_key = 'kent' AND crime_id IS NOT NULL LIMIT 2)",
        "core.fct_crime_records", "assert_crime_ids_once_per_force")]
    [InlineData("UPDATE core.fct_crime_records SET crime_hash = crime_hash + 1 WHERE record_key = (SELECT min(record_key) FROM core.fct_crime_records WHERE crime_id IS NOT NULL)",
        "core.fct_crime_records", "assert_crime_hashes_match")]
    [InlineData("UPDATE intermediate.int_street_records_ranked SET crime_hash = NULL WHERE (file_id, line_number) = (SELECT (file_id, line_number) FROM intermediate.int_street_records_ranked ORDER BY ALL LIMIT 1)",
        "core.fct_crime_records", "assert_crime_hashes_match")]
    [InlineData("INSERT INTO meta.source_files SELECT 999 AS file_id, * EXCLUDE (file_id) REPLACE ('copy.xlsx' AS source_path, 'copy' AS replaces_key) FROM meta.source_files WHERE source_kind = 'funding_returns'; " +
                "INSERT INTO raw.funding_returns SELECT 999 AS file_id, * EXCLUDE (file_id) FROM raw.funding_returns",
        "staging.stg_funding__returns", "assert_funding_counted_once")]
    public void A_data_test_fails_when_its_rule_is_broken(string corruption, string model, string testName)
    {
        var copy = Path.Combine(scratch.Root, "copy.duckdb");
        File.Copy(sample.Warehouse.Published.Path, copy);
        File.SetAttributes(copy, FileAttributes.Normal);
        using var connection = DuckDbConnections.OpenReadWrite(copy);
        var test = DataTestCatalog.All.Single(t => t.Model == model && t.Name == testName);
        Assert.True(DataTestRunner.Run(connection, test).Passed);

        connection.Execute(corruption);

        var result = DataTestRunner.Run(connection, test);
        Assert.False(result.Passed);
        Assert.True(result.BlocksPublish);
        Assert.NotNull(result.Example);
    }

    public void Dispose() => scratch.Dispose();
}
