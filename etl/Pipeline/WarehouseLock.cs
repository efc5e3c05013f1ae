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

    /// <summary>The lock, or null when another process holds it.</summary>
    /// <exception cref="WarehouseUnavailableException">when the lock file cannot be made or opened for another reason
    /// (a read-only folder, permissions, a full disk): that is not "busy", and retrying will not help.</exception>
    public static WarehouseLock? TryAcquire(WarehouseDirectory warehouse)
    {
        try
        {
            Directory.CreateDirectory(warehouse.Root);
            return new WarehouseLock(new FileStream(warehouse.LockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
        }
        catch (IOException held) when (IsHeldByAnother(held))
        {
            return null;
        }
        catch (Exception fault) when (fault is IOException or UnauthorizedAccessException)
        {
            throw new WarehouseUnavailableException(
                $"cannot take the lock {warehouse.LockPath}: {fault.Message.Split('\n')[0].Trim()}. The ETL needs to write in the warehouse folder " +
                "(etl.lock, work/, snapshots/, runs.jsonl): check that it exists, is writable by this account and is not on a read-only or full disk", fault);
        }
    }

    /// <summary>
    /// Only a lock another process holds: flock's EWOULDBLOCK (11 on Linux, 35 on macOS) or Windows' sharing and lock
    /// violations. A read-only file system (EROFS), a missing folder or a denied access are faults, not "busy".
    /// </summary>
    private static bool IsHeldByAnother(IOException problem) =>
        problem.GetType() == typeof(IOException)
        && problem.HResult is 11 or 35 or unchecked((int)0x80070020) or unchecked((int)0x80070021);

    public void Dispose() => stream.Dispose();
}

/// <summary>The warehouse folder cannot be locked for a reason other than another run holding it.</summary>
public sealed class WarehouseUnavailableException(string message, Exception cause) : Exception(message, cause);
