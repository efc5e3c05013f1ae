using Analytics.Etl.Pipeline;

namespace Analytics.Etl.Inbox;

/// <summary>
/// The inbox: data staff drop files in (at the top or in folders of their own); a run takes every file that has
/// settled, reads a private copy of it, and once the run's outcome is known moves the file to processed/RUN/ or
/// rejected/RUN/ with a short text file beside it that says what happened.
/// </summary>
public sealed class InboxFolder(InboxOptions options)
{
    public const string ProcessedFolder = "processed";
    public const string RejectedFolder = "rejected";

    public string Root { get; } = Path.GetFullPath(options.Directory);

    /// <summary>
    /// Copies every settled file into <paramref name="copyDirectory"/>. A file is settled when it has not been
    /// written for the settle time and does not change while it is copied; partial downloads (.part, .tmp,
    /// .crdownload), Office lock files (~$) and hidden files are never taken.
    /// </summary>
    public IReadOnlyList<InboxFile> TakeSettled(string copyDirectory, DateTime utcNow, IRunReporter reporter)
    {
        Directory.CreateDirectory(Root);
        var taken = new List<InboxFile>();
        foreach (var path in Directory.EnumerateFiles(Root, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var relative = Path.GetRelativePath(Root, path);
            if (IsFiledOrHidden(relative)) continue;
            var before = new FileInfo(path);
            if (!before.Exists) continue;
            if (utcNow - before.LastWriteTimeUtc < options.Settle)
            {
                reporter.Progress($"{path}: still being written (changed {(utcNow - before.LastWriteTimeUtc).TotalSeconds:N0} s ago); left for a later run");
                continue;
            }
            var copy = Path.Combine(copyDirectory, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
            try
            {
                System.IO.File.Copy(path, copy, overwrite: true);
            }
            catch (Exception gone) when (gone is FileNotFoundException or DirectoryNotFoundException)
            {
                reporter.Progress($"{path}: removed from the inbox before it could be read");
                continue;
            }
            var file = new InboxFile(path, relative, copy, before.Length, before.LastWriteTimeUtc);
            if (file.ChangedSinceTaken())
            {
                reporter.Progress($"{path}: changed while it was being read; left for a later run");
                System.IO.File.Delete(copy);
                continue;
            }
            taken.Add(file);
        }
        reporter.Progress(taken.Count == 0 ? $"inbox {Root}: no new files" : $"inbox {Root}: {taken.Count} files taken");
        return taken;
    }

    /// <summary>Moves a file out of the inbox with a note beside it; a file replaced since it was taken stays for the next run.</summary>
    public string? MoveOut(InboxFile file, InboxVerdict verdict, string runId)
    {
        if (file.ChangedSinceTaken()) return null;
        var folder = verdict.Accepted ? ProcessedFolder : RejectedFolder;
        var target = Path.Combine(Root, folder, runId, file.RelativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        File.Move(file.OriginalPath, target);
        File.WriteAllText(target + ".txt", verdict.Note(file.OriginalPath, runId));
        RemoveEmptyFolders(Path.GetDirectoryName(file.OriginalPath)!);
        return target;
    }

    private static bool IsFiledOrHidden(string relative)
    {
        var parts = relative.Split(Path.DirectorySeparatorChar);
        if (parts.Length > 1 && parts[0] is ProcessedFolder or RejectedFolder) return true;
        var name = parts[^1];
        return parts.Any(part => part.StartsWith('.')) || name.StartsWith("~$", StringComparison.Ordinal)
            || name.EndsWith(".part", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".tmp", StringComparison.OrdinalIgnoreCase)
            || name.EndsWith(".crdownload", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Folders a person dropped (a month's folder, say) go once emptied; the inbox itself stays.</summary>
    private void RemoveEmptyFolders(string directory)
    {
        for (var current = new DirectoryInfo(directory); current is not null && current.FullName.Length > Root.Length; current = current.Parent)
        {
            if (current.EnumerateFileSystemInfos().Any()) return;
            current.Delete();
        }
    }
}
