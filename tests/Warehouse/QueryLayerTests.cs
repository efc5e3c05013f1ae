using Analytics.Tests.Support;
using Analytics.Warehouse.Queries;

namespace Analytics.Tests.Warehouse;

[Collection(SampleWarehouseCollection.Name)]
public sealed class QueryLayerTests(SampleWarehouseFixture sample)
{
    private CrimeQueries Queries => new(new WarehouseReader(sample.Warehouse.Directory));

    [Fact]
    public void Filters_narrow_the_mart_and_agree_with_it()
    {
        var rows = Queries.CrimeByDistrictMonth(new CrimeFilter(FinancialYear: "2025/26", DistrictCode: "E07000105", CrimeType: "Burglary"));

        Assert.Equal(6, rows.Count); // April to September 2025
        Assert.All(rows, row => Assert.Equal(("2025/26", "Ashford", "Burglary"), (row.FinancialYear, row.DistrictName, row.CrimeType)));
        Assert.Equal(
            sample.Warehouse.Scalar<long>("SELECT CAST(sum(incidents) AS BIGINT) FROM marts.crime_by_district_month WHERE financial_year = '2025/26' AND district_code = 'E07000105' AND crime_type = 'Burglary'"),
            rows.Sum(row => row.Incidents));
    }

    [Theory]
    [InlineData("E07000105' OR '1'='1")]
    [InlineData("'; DROP TABLE marts.crime_by_district_month; --")]
    public void Filter_values_are_bound_never_spliced_into_the_sql(string hostile)
    {
        Assert.Empty(Queries.CrimeByDistrictMonth(new CrimeFilter(DistrictCode: hostile)));
        Assert.NotEmpty(Queries.CrimeByDistrictMonth(new CrimeFilter(DistrictCode: "E07000105")));
    }

    [Fact]
    public void A_folder_with_nothing_published_says_how_to_load_it()
    {
        using var empty = new TemporaryWarehouse();
        var error = Assert.Throws<WarehouseNotPublishedException>(() => new CrimeQueries(new WarehouseReader(empty.Directory)).CrimeByDistrictMonth(new CrimeFilter()));
        Assert.Contains("dotnet run --project etl -- run --source data/sample", error.Message);
    }

    [Fact]
    public void Load_history_lists_files_and_rejects()
    {
        var history = new LoadHistoryQueries(new WarehouseReader(sample.Warehouse.Directory));
        Assert.Contains(history.SourceFiles(), file => file.SourcePath.EndsWith("2025-09-kent-street.csv", StringComparison.Ordinal) && file.RowsLoaded > 13000);
        Assert.Contains(history.LatestRejects(50), reject => reject.Field == "Crime ID" && reject.Reason.Contains("is counted once: kept", StringComparison.Ordinal));
    }
}
