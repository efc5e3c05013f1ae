namespace Analytics.Tests.Support;

/// <summary>
/// The files this process holds open, read from /proc/self/fd: how a test sees whether DuckDB has let go of a
/// snapshot. Only Linux shows them this way; elsewhere <see cref="Observable"/> is false.
/// </summary>
public static class OpenFiles
{
    public static bool Observable => OperatingSystem.IsLinux();

    /// <summary>Paths of open files under the folder; Linux adds " (deleted)" to a file deleted while open.</summary>
    public static IReadOnlyList<string> Under(string folder)
    {
        if (!Observable) return [];
        var targets = new List<string>();
        foreach (var descriptor in Directory.GetFiles("/proc/self/fd"))
        {
            try
            {
                if (new FileInfo(descriptor).LinkTarget is { } target && target.StartsWith(folder, StringComparison.Ordinal)) targets.Add(target);
            }
            catch (IOException)
            {
                // Closed while we looked.
            }
        }
        return targets;
    }
}
