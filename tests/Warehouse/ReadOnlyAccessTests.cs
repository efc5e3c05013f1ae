using Analytics.Tests.Support;
using Analytics.Warehouse;
using Dapper;
using DuckDB.NET.Data;

namespace Analytics.Tests.Warehouse;

/// <summary>Readers open snapshots read-only with external access disabled, and cannot switch that back.</summary>
[Collection(SampleWarehouseCollection.Name)]
public sealed class ReadOnlyAccessTests(SampleWarehouseFixture sample)
{
    [Theory]
    [InlineData("DELETE FROM marts.crime_by_district_month")]
    [InlineData("CREATE TABLE marts.scratch (x INTEGER)")]
    [InlineData("SELECT * FROM read_csv('/etc/hostname')")]
    [InlineData("COPY marts.crime_by_district_month TO '/tmp/leak.csv'")]
    [InlineData("SET enable_external_access = true")]
    [InlineData("ATTACH '/tmp/other.duckdb' AS other")]
    public void A_reader_cannot_write_or_reach_files(string sql)
    {
        using var connection = DuckDbConnections.OpenReadOnly(sample.Warehouse.Published.Path);
        Assert.ThrowsAny<DuckDBException>(() => connection.Execute(sql));
    }

    [Fact]
    public void A_second_connection_to_an_open_snapshot_is_just_as_locked_down()
    {
        using var first = DuckDbConnections.OpenReadOnly(sample.Warehouse.Published.Path);
        using var second = DuckDbConnections.OpenReadOnly(sample.Warehouse.Published.Path);
        Assert.ThrowsAny<DuckDBException>(() => second.Execute("SELECT * FROM read_csv('/etc/hostname')"));
        Assert.ThrowsAny<DuckDBException>(() => second.Execute("SET enable_external_access = true"));
    }

    [Fact]
    public void Many_readers_at_once_all_get_their_answer()
    {
        var reader = new Analytics.Warehouse.Queries.WarehouseReader(sample.Warehouse.Directory);
        var counts = new System.Collections.Concurrent.ConcurrentBag<long>();
        Parallel.For(0, 64, new ParallelOptions { MaxDegreeOfParallelism = 8 }, _ =>
        {
            using var connection = reader.Open();
            counts.Add(connection.ExecuteScalar<long>("SELECT count(*) FROM marts.crime_by_district_month"));
        });
        reader.Dispose();
        Assert.Equal(64, counts.Count);
        Assert.Single(counts.Distinct());
    }

    [Fact]
    public void A_reader_can_read_the_marts()
    {
        using var connection = DuckDbConnections.OpenReadOnly(sample.Warehouse.Published.Path);
        Assert.True(connection.ExecuteScalar<long>("SELECT count(*) FROM marts.crime_by_district_month") > 0);
    }
}
