using Analytics.Etl.Loading;
using Analytics.Etl.Pipeline;

namespace Analytics.Etl.Inbox;

/// <summary>Decides, from a run's result, whether an inbox file goes to processed/ or rejected/, or waits for another run.</summary>
public static class InboxJudge
{
    /// <returns>null when the run ended for reasons that say nothing about this file: it stays for the next run.</returns>
    public static InboxVerdict? Judge(InboxFile file, RunResult result)
    {
        var shown = file.RelativePath;
        bool Belongs(string path) => path == shown || path.StartsWith(shown + "!", StringComparison.Ordinal);

        var problems = result.FileProblems.Where(pair => Belongs(pair.Key)).Select(pair => pair.Value).ToList();
        if (problems.Count > 0) return new InboxVerdict(false, "Not loaded: " + string.Join("\n", problems));

        var members = result.Files.Where(loaded => Belongs(loaded.SourcePath)).ToList();
        var loadedSomething = members.Any(member => member.Outcome == FileOutcome.Loaded);
        switch (result.ExitCode)
        {
            case ExitCode.DataTestsFailed when loadedSomething:
                var failures = result.DataTests.Where(test => test.BlocksPublish).Select(test => "- " + test.Describe());
                return new InboxVerdict(false, "Loaded, but the data tests failed afterwards, so nothing from this run was published:\n" + string.Join("\n", failures));
            case ExitCode.Success or ExitCode.RowsRejected or ExitCode.DataTestsFailed:
                break;
            default:
                return null;
        }

        if (members.Count == 0 || members.All(member => member.Outcome == FileOutcome.Skipped))
            return new InboxVerdict(false, "Nothing in it is data this ETL loads:\n" + string.Join("\n", members.Select(member => $"- {member.SourcePath}: {member.Note}")));
        return new InboxVerdict(true, string.Join("\n", members.Select(Describe)));
    }

    private static string Describe(LoadedFile member) => member.Outcome switch
    {
        FileOutcome.Loaded => $"- {member.SourcePath}: {member.RowsRead:N0} rows read, {member.RowsLoaded:N0} loaded, {member.RowsRejected:N0} rejected"
            + (member.RowsRejected > 0 ? " (rejected rows are kept with their reasons: etl status, the dashboard's /data page, meta.rejects)" : "")
            + (member.Note is null ? "" : $"; {member.Note}"),
        FileOutcome.Unchanged => $"- {member.SourcePath}: {member.Note}; nothing new",
        _ => $"- {member.SourcePath}: passed over ({member.Note})",
    };
}
