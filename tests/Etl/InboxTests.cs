using Analytics.Etl.Inbox;
using Analytics.Etl.Pipeline;
using Analytics.Tests.Support;
using Analytics.Warehouse.Storage;

namespace Analytics.Tests.Etl;

/// <summary>The inbox: settled files are loaded and filed under processed/ or rejected/ with the reason beside them.</summary>
public sealed class InboxTests : IDisposable
{
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(30);
    private readonly TemporaryWarehouse warehouse = new();
    private string Inbox => Path.Combine(warehouse.Root + "-inputs", "inbox");

    private RunResult RunInbox() => warehouse.Run(options => options with { Inbox = new InboxOptions(Inbox, Settle), Trigger = "test inbox" });

    [Fact]
    public void Settled_files_are_loaded_and_moved_to_processed_with_a_note()
    {
        var geography = Drop(Path.Combine(RepositoryPaths.Geography, "ons_PFA19_names_codes_UK_dec2019.csv"), "geography/pfa-names.csv");
        var january = DropLines("police/2025-01-kent-street.csv", PoliceCsv.StreetHeader, PoliceCsv.Crime("a1"), PoliceCsv.Crime("a2"));

        var run = RunInbox();

        Assert.Equal(ExitCode.Success, run.ExitCode);
        Assert.Equal("published", run.Status);
        Assert.False(File.Exists(geography) || File.Exists(january), "taken files leave the inbox");
        var processed = Path.Combine(Inbox, InboxFolder.ProcessedFolder, run.RunId);
        Assert.True(File.Exists(Path.Combine(processed, "police", "2025-01-kent-street.csv")));
        Assert.Contains("2 rows read, 2 loaded, 0 rejected", File.ReadAllText(Path.Combine(processed, "police", "2025-01-kent-street.csv.txt")));
        Assert.False(Directory.Exists(Path.Combine(Inbox, "police")), "emptied folders go too");
        Assert.Equal(2, warehouse.Scalar<long>("SELECT count(*) FROM raw.police_street"));
        Assert.Equal(Path.Combine("police", "2025-01-kent-street.csv"),
            warehouse.Scalar<string>("SELECT source_path FROM meta.source_files WHERE source_kind = 'police_street'"));
        Assert.Equal("test inbox", new RunJournal(warehouse.Directory).Recent(1)[0].Trigger);
    }

    [Fact]
    public void A_file_still_being_written_is_left_until_it_settles()
    {
        var january = DropLines("2025-01-kent-street.csv", PoliceCsv.StreetHeader, PoliceCsv.Crime("a1"));
        File.SetLastWriteTimeUtc(january, DateTime.UtcNow); // a copy in progress keeps touching the file
        File.WriteAllText(Path.Combine(Inbox, "2025-02-kent-street.csv.part"), PoliceCsv.StreetHeader);
        File.WriteAllText(Path.Combine(Inbox, ".2025-03-kent-street.csv"), PoliceCsv.StreetHeader);
        File.WriteAllText(Path.Combine(Inbox, "~$funding.xlsx"), "lock");
        foreach (var hidden in Directory.GetFiles(Inbox).Where(path => path != january)) File.SetLastWriteTimeUtc(hidden, DateTime.UtcNow.AddHours(-1));

        var early = RunInbox();

        Assert.Equal("nothing to do", early.Status);
        Assert.True(File.Exists(january));
        Assert.Null(warehouse.Directory.ReadPublished());
        Assert.Empty(new RunJournal(warehouse.Directory).Recent(5)); // an empty inbox is not a run

        File.SetLastWriteTimeUtc(january, DateTime.UtcNow - Settle - TimeSpan.FromSeconds(1));
        var settled = RunInbox();

        Assert.Equal("published", settled.Status);
        Assert.False(File.Exists(january));
        Assert.Equal(3, Directory.GetFiles(Inbox).Length); // the partial, hidden and lock files are never taken
    }

    [Fact]
    public void An_unreadable_file_is_rejected_with_its_reason_and_the_others_load_at_once()
    {
        var bad = DropLines("2025-01-kent-street.csv", "Crime ID,Month,Somewhere", "x,2025-01,y");
        var good = DropLines("2025-02-kent-street.csv", PoliceCsv.StreetHeader, PoliceCsv.Crime("b1", month: "2025-02"));

        var run = RunInbox();

        Assert.Equal(ExitCode.SourceUnreadable, Assert.Single(run.EarlierRuns).ExitCode);
        Assert.Equal("published", run.Status);
        var rejected = Path.Combine(Inbox, InboxFolder.RejectedFolder, run.EarlierRuns[0].RunId, "2025-01-kent-street.csv");
        Assert.True(File.Exists(rejected));
        var reason = File.ReadAllText(rejected + ".txt");
        Assert.Contains("Rejected", reason);
        Assert.Contains("the header is not data.police.uk's street header", reason);
        Assert.True(File.Exists(Path.Combine(Inbox, InboxFolder.ProcessedFolder, run.RunId, "2025-02-kent-street.csv")));
        Assert.False(File.Exists(bad) || File.Exists(good));
        Assert.Equal(1, warehouse.Scalar<long>("SELECT count(*) FROM raw.police_street"));
    }

    [Fact]
    public void Files_whose_load_failed_a_data_test_are_rejected_with_the_failing_test()
    {
        Drop(Path.Combine(RepositoryPaths.Geography, "ons_PFA19_names_codes_UK_dec2019.csv"), "pfa-names.csv");
        Assert.Equal("published", RunInbox().Status);
        DropLines("funding-returns-victims.csv", FundingCsv.Header, FundingCsv.ToCsv(FundingCsv.Line().With("area_served", "E23000032")));

        var run = RunInbox();

        Assert.Equal(ExitCode.DataTestsFailed, run.ExitCode);
        var reason = File.ReadAllText(Path.Combine(Inbox, InboxFolder.RejectedFolder, run.RunId, "funding-returns-victims.csv.txt"));
        Assert.Contains("assert_funding_lines_fully_apportioned", reason);
        Assert.Contains("nothing from this run was published", reason);
    }

    [Fact]
    public void A_file_already_loaded_is_filed_as_processed_with_nothing_new()
    {
        var lines = new[] { PoliceCsv.StreetHeader, PoliceCsv.Crime("a1") };
        DropLines("2025-01-kent-street.csv", lines);
        Assert.Equal("published", RunInbox().Status);
        DropLines("again/2025-01-kent-street.csv", lines);

        var again = RunInbox();

        Assert.Equal("unchanged", again.Status);
        Assert.Contains("nothing new", File.ReadAllText(Path.Combine(Inbox, InboxFolder.ProcessedFolder, again.RunId, "again", "2025-01-kent-street.csv.txt")));
        Assert.Equal(1, warehouse.Scalar<long>("SELECT count(*) FROM raw.police_street"));
    }

    private string Drop(string source, string relative)
    {
        var target = Path.Combine(Inbox, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        File.Copy(source, target);
        return Settled(target);
    }

    private string DropLines(string relative, params string[] lines)
    {
        var target = Path.Combine(Inbox, relative);
        return Settled(PoliceCsv.Write(Path.GetDirectoryName(target)!, Path.GetFileName(target), lines));
    }

    private static string Settled(string path)
    {
        File.SetLastWriteTimeUtc(path, DateTime.UtcNow - Settle - TimeSpan.FromMinutes(1));
        return path;
    }

    public void Dispose() => warehouse.Dispose();
}
