using Analytics.Warehouse.Storage;

namespace Analytics.Etl.Pipeline;

/// <summary>
/// One run at a time per warehouse, across processes: an exclusive lock on etl.lock (flock on Linux), which
/// the operating system releases when the holder exits, however it exits.
/// </summary>
public sealed class WarehouseLock : IDisposable
{
    private readonly FileStream stream;

    private WarehouseLock(FileStream stream) => this.stream = stream;

    public static WarehouseLock? TryAcquire(WarehouseDirectory warehouse)
    {
        Directory.CreateDirectory(warehouse.Root);
        try
        {
            return new WarehouseLock(new FileStream(warehouse.LockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
        }
        catch (IOException)
        {
            return null;
        }
    }

    public void Dispose() => stream.Dispose();
}
