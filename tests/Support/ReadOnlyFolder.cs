using System.Diagnostics;

namespace Analytics.Tests.Support;

/// <summary>
/// A folder nothing can be written in, as a warehouse on a read-only mount is. Root ignores permission bits, so as
/// root it is a read-only tmpfs mount (EROFS), else a folder without write permission (EACCES).
/// </summary>
public sealed class ReadOnlyFolder : IDisposable
{
    private readonly bool mounted;

    public string Path { get; }

    public ReadOnlyFolder(string path)
    {
        Path = path;
        Directory.CreateDirectory(path);
        if (Environment.UserName == "root")
        {
            mounted = Shell("mount", "-t", "tmpfs", "-o", "ro,size=1m", "tmpfs", path) == 0;
            if (!mounted) throw new InvalidOperationException($"as root, a read-only folder needs a read-only mount, and mount failed at {path}");
        }
        else
        {
            Shell("chmod", "555", path);
        }
    }

    public void Dispose()
    {
        if (mounted) Shell("umount", Path);
        else Shell("chmod", "755", Path);
    }

    private static int Shell(string command, params string[] arguments)
    {
        var start = new ProcessStartInfo(command) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        process.WaitForExit();
        return process.ExitCode;
    }
}
