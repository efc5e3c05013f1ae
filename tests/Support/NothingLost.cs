namespace Analytics.Tests.Support;

/// <summary>Every line of the police file a test loaded is either loaded or rejected, and each reject is kept.</summary>
public static class NothingLost
{
    public static void InPoliceFile(TemporaryWarehouse warehouse, long expectedRows)
    {
        var file = warehouse.Query<(long Read, long Loaded, long Rejected)>(
            "SELECT rows_read, rows_loaded, rows_rejected FROM meta.source_files WHERE source_kind LIKE 'police_%'").Single();
        Assert.Equal(expectedRows, file.Read);
        Assert.Equal(file.Read, file.Loaded + file.Rejected);
        Assert.Equal(file.Rejected, warehouse.Scalar<long>("SELECT count(*) FROM meta.rejects"));
    }
}
