using Analytics.Tests.Support;
using Analytics.Warehouse;
using Analytics.Warehouse.Storage;
using Dapper;

namespace Analytics.Tests.Warehouse;

/// <summary>A database file DuckDB has open is seen as in use, by its open descriptor and by its lock; once closed it is free.</summary>
public sealed class FileUsersTests : IDisposable
{
    private readonly TemporaryWarehouse folder = new();

    /// <summary>Elsewhere than Linux no one can be asked, so every file counts as in use: the safe answer.</summary>
    private static readonly bool InUseWhenFree = !OperatingSystem.IsLinux();

    private string Database()
    {
        var path = Path.Combine(folder.Root, "users.duckdb");
        using (var connection = DuckDbConnections.OpenReadWrite(path, memoryLimitMiB: 256, Path.Combine(folder.Root, "spill")))
            connection.Execute("CREATE TABLE numbers AS SELECT range AS n FROM range(10)");
        return path;
    }

    [Fact]
    public void A_database_no_one_has_open_is_free()
    {
        Assert.Equal(InUseWhenFree, FileUsers.Any(Database()));
    }

    [Fact]
    public void A_database_a_reader_has_open_is_in_use_until_it_closes()
    {
        var path = Database();
        using (var reader = DuckDbConnections.OpenReadOnly(path))
        {
            Assert.Equal(10, reader.ExecuteScalar<long>("SELECT count(*) FROM numbers"));
            Assert.True(FileUsers.Any(path));
        }
        Assert.Equal(InUseWhenFree, FileUsers.Any(path));
    }

    [Fact]
    public void On_Linux_both_the_open_descriptor_and_the_lock_of_a_reader_are_seen()
    {
        if (!OperatingSystem.IsLinux()) return; // FileUsers.Any answers without asking there (test above)
        var path = Database();
        Assert.False(FileUsers.ListedOpen(path));
        Assert.False(FileUsers.Locked(path));
        using var reader = DuckDbConnections.OpenReadOnly(path);
        Assert.True(FileUsers.ListedOpen(path));
        Assert.True(FileUsers.Locked(path)); // the reader's classic lock, seen from this very process
    }

    public void Dispose() => folder.Dispose();
}
