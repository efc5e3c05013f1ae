using System.Runtime.InteropServices;

namespace Analytics.Warehouse.Storage;

/// <summary>
/// Whether any process, this one included, may have a file open: a retired snapshot a reader still reads must not be
/// rewritten under it. Linux only; anywhere else the answer is always yes, the safe one for a caller about to write.
/// </summary>
public static class FileUsers
{
    public static bool Any(string path)
    {
        if (!OperatingSystem.IsLinux()) return true;
        var fullPath = Path.GetFullPath(path);
        return ListedOpen(fullPath) || Locked(fullPath);
    }

    /// <summary>
    /// Whether a process whose open files this user may list (/proc/PID/fd: its own processes) has the file open. This
    /// covers a reader in this very process, whose lock <see cref="Locked"/> cannot be trusted to see: closing any
    /// descriptor of a file drops every classic lock its process holds on it, and File.Copy of a snapshot does that.
    /// </summary>
    internal static bool ListedOpen(string fullPath)
    {
        foreach (var process in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(process), out _)) continue;
            string[] descriptors;
            try { descriptors = Directory.GetFiles(Path.Combine(process, "fd")); }
            catch (Exception hidden) when (hidden is UnauthorizedAccessException or IOException) { continue; } // another user's, or gone
            foreach (var descriptor in descriptors)
            {
                try { if (new FileInfo(descriptor).LinkTarget == fullPath) return true; }
                catch (Exception closed) when (closed is UnauthorizedAccessException or IOException) { /* closed while we looked */ }
            }
        }
        return false;
    }

    /// <summary>
    /// Whether a lock conflicting with an exclusive one is held on the file: DuckDB locks every database it opens
    /// (shared for a reader), which shows a reader of another user's process. Asked with an open file description lock,
    /// which, unlike a classic one, also sees the locks of the process asking.
    /// </summary>
    internal static bool Locked(string fullPath)
    {
        using var file = new FileStream(fullPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        var query = new Flock { Type = WriteLock };
        return Fcntl(file.SafeFileHandle.DangerousGetHandle().ToInt32(), OpenFileDescriptionGetLock, ref query) != 0 || query.Type != Unlocked;
    }

    private const int OpenFileDescriptionGetLock = 36; // F_OFD_GETLK
    private const short WriteLock = 1; // F_WRLCK
    private const short Unlocked = 2; // F_UNLCK

    /// <summary>struct flock of 64-bit Linux (x86-64 and arm64 lay it out alike); zero start and length: the whole file.</summary>
    [StructLayout(LayoutKind.Sequential)]
    private struct Flock
    {
        public short Type;
        public short Whence;
        public long Start;
        public long Length;
        public int Pid;
    }

    [DllImport("libc", EntryPoint = "fcntl", SetLastError = true)]
    private static extern int Fcntl(int descriptor, int command, ref Flock flock);
}
