using Analytics.Etl.Pipeline;
using Analytics.Tests.Support;
using Analytics.Warehouse.Queries;
using Analytics.Warehouse.Storage;
using Dapper;
using DuckDB.NET.Data;

namespace Analytics.Tests.Warehouse;

/// <summary>Readers hold one snapshot for as long as they need it, even once it is pruned, and let go of it after.</summary>
public sealed class SnapshotLeaseTests : IDisposable
{
    private readonly TemporaryWarehouse warehouse = new();
    private int months;

    [Fact]
    public void A_lease_keeps_reading_its_snapshot_after_a_newer_one_is_published_and_its_file_pruned()
    {
        var first = PublishNextMonth();
        using var reader = new WarehouseReader(warehouse.Directory);
        using var lease = reader.Lease();

        var second = PublishNextMonth();

        Assert.False(File.Exists(first.Path));
        Assert.Equal(first.RunId, lease.Snapshot.RunId);
        Assert.Equal(1, Crimes(lease.Open()));
        Assert.Equal(2, Crimes(reader.Open()));
        using var next = reader.Lease();
        Assert.Equal(second.RunId, next.Snapshot.RunId);
    }

    [Fact]
    public void A_snapshot_no_longer_published_is_closed_when_its_last_lease_ends()
    {
        var first = PublishNextMonth();
        using var reader = new WarehouseReader(warehouse.Directory);
        var lease = reader.Lease();
        var other = reader.Lease();
        var second = PublishNextMonth();
        reader.Lease().Dispose(); // a reader after the publish moves the latest snapshot on

        Assert.Contains(Retired(first), OpenSnapshots(), StringComparer.Ordinal);
        lease.Dispose();
        Assert.Contains(Retired(first), OpenSnapshots(), StringComparer.Ordinal);
        other.Dispose();
        Assert.DoesNotContain(Retired(first), OpenSnapshots(), StringComparer.Ordinal);
        Assert.Contains(second.Path, OpenSnapshots(), StringComparer.Ordinal); // the latest stays open for the next reader
        reader.Dispose();
        Assert.Empty(OpenSnapshots());
    }

    [Fact]
    public void A_retired_snapshot_a_lease_still_reads_is_not_rewritten_into_the_next_working_copy()
    {
        PublishNextMonth();
        using var reader = new WarehouseReader(warehouse.Directory);
        using (var lease = reader.Lease())
        {
            using (var opened = lease.Open()) Assert.Equal(1, opened.ExecuteScalar<int>("SELECT 1"));
            PublishNextMonth(); // retires the first snapshot, which the lease still has open
            PublishNextMonth(); // would rewrite it into its working copy, were its lock not seen
            Assert.Equal("c1", CrimeIds(lease.Open()));
        }
        Assert.Equal("c1,c2,c3", CrimeIds(reader.Open()));
    }

    [Fact]
    public void An_unleased_snapshot_is_closed_as_soon_as_a_newer_one_is_read()
    {
        var first = PublishNextMonth();
        using var reader = new WarehouseReader(warehouse.Directory);
        Assert.Equal(1, Crimes(reader.Open()));
        Assert.Contains(first.Path, OpenSnapshots(), StringComparer.Ordinal);

        PublishNextMonth();
        Assert.Equal(2, Crimes(reader.Open()));

        Assert.DoesNotContain(OpenSnapshots(), path => path.StartsWith(first.Path, StringComparison.Ordinal));
    }

    [Fact]
    public void A_pinned_reader_reads_the_snapshot_of_its_first_query_throughout()
    {
        var first = PublishNextMonth();
        using var reader = new WarehouseReader(warehouse.Directory);
        var pinned = new PinnedSnapshotReader(reader);
        Assert.Null(pinned.Snapshot);

        Assert.Equal(1, Crimes(pinned.Open()));
        var second = PublishNextMonth();

        Assert.Equal(1, Crimes(pinned.Open()));
        Assert.Equal(first.RunId, pinned.Snapshot?.RunId);
        using (var later = new PinnedSnapshotReader(reader))
        {
            Assert.Equal(2, Crimes(later.Open()));
            Assert.Equal(second.RunId, later.Snapshot?.RunId);
        }
        pinned.Dispose();
        Assert.DoesNotContain(OpenSnapshots(), path => path.StartsWith(first.Path, StringComparison.Ordinal));
        Assert.Throws<ObjectDisposedException>(() => pinned.Open());
    }

    /// <summary>One more month of one Kent crime, published keeping one snapshot, so the one before is pruned.</summary>
    private PublishedSnapshot PublishNextMonth()
    {
        months++;
        var month = $"2025-{months:00}";
        var file = PoliceCsv.Write(warehouse.Inputs, $"{month}-kent-street.csv", PoliceCsv.StreetHeader, PoliceCsv.Crime($"c{months}", month: month));
        var run = warehouse.Run(options => options with { SnapshotsToKeep = 1 }, months == 1 ? [.. RepositoryPaths.KentGeography, file] : [file]);
        Assert.True(run.ExitCode == ExitCode.Success, TemporaryWarehouse.Explain(run));
        return warehouse.Published;
    }

    private static long Crimes(DuckDBConnection connection)
    {
        using (connection) return connection.ExecuteScalar<long>("SELECT count(*) FROM core.fct_crime_records");
    }

    /// <summary>The Crime IDs counted, read from the facts' data blocks (a count alone is kept in their metadata).</summary>
    private static string CrimeIds(DuckDBConnection connection)
    {
        using (connection) return connection.ExecuteScalar<string>("SELECT string_agg(crime_id, ',' ORDER BY crime_id) FROM core.fct_crime_records")!;
    }

    /// <summary>Snapshot files this process has open, published or retired (the check needs Linux; elsewhere nothing is seen).</summary>
    private List<string> OpenSnapshots() => OpenFiles.Under(warehouse.Root).ToList();

    /// <summary>Where a pruned snapshot a reader still has open is: the next run's spare, or deleted.</summary>
    private string Retired(PublishedSnapshot snapshot) =>
        SnapshotCopier.KeepsSpare(warehouse.Directory) ? warehouse.Directory.SparePath : snapshot.Path + " (deleted)";

    public void Dispose() => warehouse.Dispose();
}
