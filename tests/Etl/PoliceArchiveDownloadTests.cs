using System.Net;
using System.Net.Sockets;
using Analytics.Etl.Download;
using Analytics.Etl.Pipeline;
using Analytics.Tests.Support;

namespace Analytics.Tests.Etl;

/// <summary>
/// The optional download of data.police.uk's monthly archive into the inbox, against a stand-in server on
/// loopback: the newest month is found by asking back from last month, only what is not loaded or waiting is
/// written, whole and with the archive's timestamps, and every failure names the address and leaves the inbox
/// as it was.
/// </summary>
public sealed class PoliceArchiveDownloadTests : IAsyncLifetime, IDisposable
{
    /// <summary>Last month is 2025-11; the test archive is 2025-09, so 2025-11 and 2025-10 answer 404 first.</summary>
    private static readonly DateOnly Today = new(2025, 12, 15);
    private static readonly TimeSpan Bound = TimeSpan.FromMinutes(2);

    private readonly string inbox = Path.Combine(Path.GetTempPath(), "analytics-tests", "inbox-" + Guid.NewGuid().ToString("N"));
    private readonly HttpClient http = new(new SocketsHttpHandler { UseProxy = false }); // loopback only, whatever the machine's proxy
    private readonly List<string> log = [];
    private ArchiveServer server = null!;

    public async Task InitializeAsync()
    {
        server = await ArchiveServer.StartAsync();
        server.Serve(TestPoliceArchive.Month, TestPoliceArchive.Bytes);
        server.Serve("2025-08", TestPoliceArchive.Bytes); // an older archive, which must not be asked for
    }

    private PoliceArchiveSettings Settings(params string[] forces) => new()
    {
        ArchiveAddress = server.AddressTemplate,
        Forces = forces.Length == 0 ? ["kent"] : forces,
        TimeoutSeconds = 30,
    };

    private Task<DownloadOutcome> Fetch(PoliceArchiveSettings settings, Dictionary<string, string?> loaded, CancellationToken? cancellation = null) =>
        new PoliceArchiveDownloader(http)
            .FetchNewestAsync(settings, inbox, loaded, Today, log.Add, cancellation ?? new CancellationTokenSource(Bound).Token)
            .WaitAsync(Bound);

    [Fact]
    public async Task The_newest_archive_is_found_by_asking_back_from_last_month_past_those_not_published()
    {
        var outcome = await Fetch(Settings(), new() { ["kent"] = "2025-08" });

        Assert.Equal(["2025-11", "2025-10", "2025-09"], server.RequestedMonths);
        Assert.Equal("2025-09", outcome.ArchiveMonth);
        Assert.Equal(server.AddressFor("2025-09"), outcome.Address);
        Assert.Equal(TestPoliceArchive.Bytes.Length, outcome.BytesDownloaded);
        Assert.Contains(log, line => line.Contains("no archive for 2025-11", StringComparison.Ordinal));
        Assert.Equal(log, outcome.Messages);
    }

    [Theory]
    [InlineData("2024-12", new[] { "2025-01/2025-01-kent-outcomes.csv", "2025-01/2025-01-kent-street.csv", "2025-08/2025-08-kent-street.csv", "2025-09/2025-09-kent-street.csv" })]
    [InlineData("2025-01", new[] { "2025-08/2025-08-kent-street.csv", "2025-09/2025-09-kent-street.csv" })]
    [InlineData("2025-08", new[] { "2025-09/2025-09-kent-street.csv" })]
    [InlineData(null, new[] { "2025-09/2025-09-kent-street.csv" })] // nothing loaded: only the newest month
    public async Task Street_and_outcomes_files_of_every_month_newer_than_the_loaded_one_are_written(string? loaded, string[] expected)
    {
        var outcome = await Fetch(Settings(), new() { ["kent"] = loaded });

        var expectedPaths = expected.Select(name => Path.Combine(inbox, "police", name)).ToList();
        Assert.Equal(expectedPaths, outcome.FilesWritten); // oldest month first, each month's street file last
        AssertInboxHolds(expected.Select(name => Path.Combine("police", name)).ToArray());
        Assert.Empty(outcome.UnknownForces);
    }

    [Fact]
    public async Task Written_files_are_byte_identical_to_the_archive_entries_and_keep_their_timestamps()
    {
        var outcome = await Fetch(Settings("kent", "surrey", "city-of-london"), new() { ["kent"] = "2024-12", ["surrey"] = "2024-12", ["city-of-london"] = "2024-12" });

        var entries = TestPoliceArchive.Entries();
        Assert.Equal(6, outcome.FilesWritten.Count);
        foreach (var path in outcome.FilesWritten)
        {
            var entry = entries[Path.GetRelativePath(Path.Combine(inbox, "police"), path).Replace('\\', '/')];
            Assert.Equal(entry.Bytes, File.ReadAllBytes(path));
            Assert.Equal(entry.LastWriteTime.UtcDateTime, File.GetLastWriteTimeUtc(path));
        }
    }

    [Theory]
    [InlineData("2025-09")]
    [InlineData("2025-10")] // loaded from elsewhere, newer than the archive
    public async Task Nothing_is_downloaded_when_every_force_is_loaded_up_to_the_newest_month(string loaded)
    {
        var outcome = await Fetch(Settings("kent", "surrey"), new() { ["kent"] = loaded, ["surrey"] = "2025-09" });

        Assert.Equal(0, outcome.BytesDownloaded);
        Assert.Empty(outcome.FilesWritten);
        AssertInboxHolds();
        Assert.Contains(outcome.Messages, line => line.Contains($"kent: loaded up to {loaded}", StringComparison.Ordinal));
        Assert.Contains(outcome.Messages, line => line.StartsWith("nothing to download", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("police/2025-09/2025-09-kent-street.csv")]              // waiting to be loaded
    [InlineData("processed/2025-09-kent-street.csv")]                   // loaded and moved aside by a run
    [InlineData("rejected/2025-12-01T0300/2025-09-kent-street.csv")]    // rejected: fetching it again would not help
    public async Task Nothing_is_downloaded_when_the_newest_month_is_already_in_the_inbox(string waiting)
    {
        var staffCopy = PoliceCsv.Write(inbox, waiting, PoliceCsv.StreetHeader, PoliceCsv.Crime("w1", month: "2025-09"));
        var before = File.ReadAllBytes(staffCopy);

        var outcome = await Fetch(Settings(), new() { ["kent"] = "2025-08" });

        Assert.Equal(0, outcome.BytesDownloaded);
        Assert.Empty(outcome.FilesWritten);
        AssertInboxHolds(waiting);
        Assert.Equal(before, File.ReadAllBytes(staffCopy));
        Assert.Contains(outcome.Messages, line => line.Contains("2025-09-kent-street.csv is already in the inbox", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_older_month_already_in_the_inbox_is_kept_and_the_months_missing_are_written()
    {
        var staffCopy = PoliceCsv.Write(Path.Combine(inbox, "police", "2025-08"), "2025-08-kent-street.csv", PoliceCsv.StreetHeader, PoliceCsv.Crime("s1", month: "2025-08"));
        var before = File.ReadAllBytes(staffCopy);

        var outcome = await Fetch(Settings(), new() { ["kent"] = "2025-01" });

        Assert.Equal([Path.Combine(inbox, "police", "2025-09", "2025-09-kent-street.csv")], outcome.FilesWritten);
        Assert.Equal(before, File.ReadAllBytes(staffCopy));
    }

    [Fact]
    public async Task A_force_not_in_the_archive_is_reported_as_probably_misspelt_and_not_downloaded_for_again()
    {
        var first = await Fetch(Settings("kent", "kentt"), new() { ["kent"] = "2025-08" });

        Assert.Equal(["kentt"], first.UnknownForces);
        var report = Assert.Single(first.Messages, line => line.Contains("'kentt'", StringComparison.Ordinal));
        Assert.Contains("Download:Forces", report, StringComparison.Ordinal);
        Assert.Contains("kent, surrey", report, StringComparison.Ordinal); // the forces it does have, to pick from
        Assert.Equal([Path.Combine(inbox, "police", "2025-09", "2025-09-kent-street.csv")], first.FilesWritten);

        // Kent's month is now waiting in the inbox; the misspelt force alone is no reason to download the same archive again.
        var second = await Fetch(Settings("kent", "kentt"), new() { ["kent"] = "2025-08" });

        Assert.Equal(0, second.BytesDownloaded);
        Assert.Equal(["kentt"], second.UnknownForces);
        Assert.Contains(second.Messages, line => line.Contains("'kentt' is not in the 2025-09 archive", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_server_error_fails_naming_the_address_and_the_status()
    {
        server.Answer("2025-10", 503);

        var failure = await Assert.ThrowsAsync<PoliceArchiveDownloadException>(() => Fetch(Settings(), []));

        Assert.Contains(server.AddressFor("2025-10"), failure.Message, StringComparison.Ordinal);
        Assert.Contains("503", failure.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', failure.Message);
        Assert.Equal(["2025-11", "2025-10"], server.RequestedMonths);
        AssertInboxHolds();
    }

    [Fact]
    public async Task No_archive_in_any_month_asked_for_fails_naming_the_address_setting()
    {
        var settings = Settings() with { MonthsToProbe = 2 };

        var failure = await Assert.ThrowsAsync<PoliceArchiveDownloadException>(() => Fetch(settings, []));

        Assert.Contains(server.AddressTemplate, failure.Message, StringComparison.Ordinal);
        Assert.Contains("Download:ArchiveAddress", failure.Message, StringComparison.Ordinal);
        Assert.Equal(["2025-11", "2025-10"], server.RequestedMonths);
    }

    public static TheoryData<string, byte[]> BrokenArchives => new()
    {
        { "a web page instead of the archive", "<html><body>Service temporarily unavailable</body></html>"u8.ToArray() },
        { "the archive cut short", TestPoliceArchive.Bytes[..(TestPoliceArchive.Bytes.Length / 2)] },
    };

    [Theory]
    [MemberData(nameof(BrokenArchives))]
    public async Task A_broken_archive_fails_naming_the_address_and_leaves_nothing_in_the_inbox(string name, byte[] body)
    {
        server.Serve("2025-09", body);

        var failure = await Assert.ThrowsAsync<PoliceArchiveDownloadException>(() => Fetch(Settings(), []));

        Assert.Contains(server.AddressFor("2025-09"), failure.Message, StringComparison.Ordinal);
        Assert.True(failure.Message.Contains("not a readable zip archive", StringComparison.Ordinal), $"{name}: {failure.Message}");
        AssertInboxHolds();
    }

    [Theory]
    [InlineData(true)]  // refused from the declared length, before any of it is downloaded
    [InlineData(false)] // no length declared: refused as the bytes received pass the limit
    public async Task An_archive_over_the_size_limit_fails_naming_the_address_and_leaves_nothing_in_the_inbox(bool declareLength)
    {
        server.Serve("2025-09", TestPoliceArchive.Bytes, declareLength);
        var settings = Settings() with { MaxDownloadBytes = TestPoliceArchive.Bytes.Length - 1 };

        var failure = await Assert.ThrowsAsync<PoliceArchiveDownloadException>(() => Fetch(settings, []));

        Assert.Contains(server.AddressFor("2025-09"), failure.Message, StringComparison.Ordinal);
        Assert.Contains("Download:MaxDownloadBytes", failure.Message, StringComparison.Ordinal);
        AssertInboxHolds();
    }

    [Fact]
    public async Task An_entry_past_the_extraction_limits_fails_without_placing_any_file_from_the_archive()
    {
        // The outcomes file (16 kB) passes; the street files (3 MB each) do not.
        var settings = Settings() with { ExtractLimits = Analytics.Etl.Sources.ZipLimits.Default with { MaxEntryBytes = 100_000 } };

        var failure = await Assert.ThrowsAsync<PoliceArchiveDownloadException>(() => Fetch(settings, new() { ["kent"] = "2024-12" }));

        Assert.Contains(server.AddressFor("2025-09"), failure.Message, StringComparison.Ordinal);
        Assert.Contains("size limit", failure.Message, StringComparison.Ordinal);
        AssertInboxHolds();
    }

    [Theory]
    [InlineData(0)]      // no answer at all
    [InlineData(100_000)] // part of the archive, then nothing
    public async Task A_server_that_stops_answering_fails_after_the_timeout_naming_the_address(int bytesBeforeStalling)
    {
        server.Stall("2025-09", TestPoliceArchive.Bytes, bytesBeforeStalling);
        var settings = Settings() with { TimeoutSeconds = 1 };

        var failure = await Assert.ThrowsAsync<PoliceArchiveDownloadException>(() => Fetch(settings, []));

        Assert.Contains(server.AddressFor("2025-09"), failure.Message, StringComparison.Ordinal);
        Assert.Contains("Download:TimeoutSeconds", failure.Message, StringComparison.Ordinal);
        AssertInboxHolds();
    }

    [Fact]
    public async Task A_server_that_cannot_be_reached_fails_naming_the_address()
    {
        var closed = new TcpListener(IPAddress.Loopback, 0);
        closed.Start();
        var port = ((IPEndPoint)closed.LocalEndpoint).Port;
        closed.Stop(); // nothing listens there now: the connection is refused
        var settings = Settings() with { ArchiveAddress = $"http://127.0.0.1:{port}/archive/{{month}}.zip" };

        var failure = await Assert.ThrowsAsync<PoliceArchiveDownloadException>(() => Fetch(settings, []));

        Assert.Contains($"http://127.0.0.1:{port}/archive/2025-11.zip", failure.Message, StringComparison.Ordinal);
        AssertInboxHolds();
    }

    [Fact]
    public async Task Cancelling_part_way_through_the_download_leaves_nothing_in_the_inbox()
    {
        server.Stall("2025-09", TestPoliceArchive.Bytes, 100_000);
        using var cancellation = new CancellationTokenSource(Bound);
        var fetching = Fetch(Settings() with { TimeoutSeconds = 600 }, [], cancellation.Token);

        await server.Stalled("2025-09").WaitAsync(Bound);
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => fetching);
        AssertInboxHolds();
    }

    [Fact]
    public async Task A_second_download_into_the_same_inbox_at_the_same_time_is_refused()
    {
        using var other = DownloadScratch.Open(inbox);

        var failure = await Assert.ThrowsAsync<PoliceArchiveDownloadException>(() => Fetch(Settings(), []));

        Assert.Contains("another download", failure.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(inbox, "police", "2025-09", "2025-09-kent-street.csv")));
    }

    [Fact]
    public async Task Downloaded_files_load_with_the_ETL_and_the_next_fetch_finds_nothing_new()
    {
        using var warehouse = new TemporaryWarehouse();
        Assert.Equal(ExitCode.Success, warehouse.Run(RepositoryPaths.KentGeography).ExitCode);

        var first = await Fetch(Settings(), new(LoadedPoliceMonths.Read(warehouse.Directory)));
        var run = warehouse.Run(Path.Combine(inbox, "police"));
        var loaded = LoadedPoliceMonths.Read(warehouse.Directory);
        Directory.Delete(Path.Combine(inbox, "police"), recursive: true); // as the inbox moves loaded files aside
        var second = await Fetch(Settings(), new(loaded));

        Assert.Single(first.FilesWritten);
        Assert.True(run.ExitCode == ExitCode.Success, TemporaryWarehouse.Explain(run));
        Assert.Equal(new Dictionary<string, string?> { ["kent"] = "2025-09" }, loaded);
        Assert.Equal(PoliceCsv.KentLines("2025-09/2025-09-kent-street.csv").Count - 1,
            warehouse.Scalar<long>("SELECT count(*) FROM core.fct_crime_records") + warehouse.Scalar<long>("SELECT count(*) FROM meta.rejects"));
        Assert.Equal(0, second.BytesDownloaded);
        Assert.Contains(second.Messages, line => line.Contains("kent: loaded up to 2025-09", StringComparison.Ordinal));
    }

    /// <summary>
    /// The inbox holds exactly these files (paths relative to it), and of the downloader's own folder only its
    /// lock and notes remain: no archive, no part-written CSV.
    /// </summary>
    private void AssertInboxHolds(params string[] expected)
    {
        var files = Directory.Exists(inbox) ? Directory.GetFiles(inbox, "*", SearchOption.AllDirectories) : [];
        var (own, visible) = (files.Where(IsOwn).ToList(), files.Where(file => !IsOwn(file)).ToList());
        Assert.Equal(expected.Select(path => Path.Combine(inbox, path)).Order(), visible.Order());
        Assert.All(own, file => Assert.Matches(@"^(lock|findings-\d{4}-\d{2}\.txt)$", Path.GetFileName(file)));
        Assert.All(own, file => Assert.Equal(Path.Combine(inbox, DownloadScratch.FolderName), Path.GetDirectoryName(file)));
    }

    private bool IsOwn(string file) => Path.GetRelativePath(inbox, file).StartsWith(DownloadScratch.FolderName, StringComparison.Ordinal);

    public async Task DisposeAsync()
    {
        await server.DisposeAsync();
        if (Directory.Exists(inbox)) Directory.Delete(inbox, recursive: true);
    }

    public void Dispose() => http.Dispose();
}
