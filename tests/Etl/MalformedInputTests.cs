using System.IO.Compression;
using System.Text;
using Analytics.Etl.Pipeline;
using Analytics.Etl.Sources;
using Analytics.Tests.Support;

namespace Analytics.Tests.Etl;

/// <summary>
/// Bad input gives either a row reject with its line, field and reason, or a clear error naming the file;
/// either way nothing is lost: rows read = loaded + rejected, and a failed run publishes nothing.
/// </summary>
public sealed class MalformedInputTests : IDisposable
{
    private readonly TemporaryWarehouse warehouse = new();
    private static string KentLookup => RepositoryPaths.KentGeography[0];

    public static TheoryData<string, string[], int, string, string> RowRejects => new()
    {
        // name, data lines after the header, rejected line, field, words in the reason
        { "extra column", [PoliceCsv.Crime("c1"), PoliceCsv.Crime("c2") + ",surplus"], 3, "", "TOO MANY COLUMNS" },
        { "missing column", [PoliceCsv.Crime("c1")[..PoliceCsv.Crime("c1").LastIndexOf(',')], PoliceCsv.Crime("c2")], 2, "", "MISSING COLUMNS" },
        { "month in the future", [PoliceCsv.Crime("c1", month: "2031-05")], 2, "Month", "in the future" },
        { "month not the file's", [PoliceCsv.Crime("c1", month: "2025-02")], 2, "Month", "does not match the file's month 2025-01" },
        { "month not a month", [PoliceCsv.Crime("c1", month: "2025-13")], 2, "Month", "not a month in YYYY-MM form" },
        { "blank crime type", [PoliceCsv.Crime("c1", type: "")], 2, "Crime type", "crime type is blank" },
        { "unknown crime type", [PoliceCsv.Crime("c1", type: "Piracy")], 2, "Crime type", "'Piracy' is not one data.police.uk publishes" },
        { "blank Crime ID on a crime", [PoliceCsv.Crime("")], 2, "Crime ID", "only anti-social behaviour rows have none" },
        { "malformed LSOA code", [PoliceCsv.Crime("c1", lsoa: "ASHFORD")], 2, "LSOA code", "'ASHFORD' is not a GSS code" },
        { "longitude not a number", [PoliceCsv.Crime("c1").Replace("0.970011", "east")], 2, "Longitude", "'east' is not a number" },
        { "blank force", [PoliceCsv.Crime("c1").Replace("Kent Police,Kent Police", "Kent Police,")], 2, "Falls within", "force (Falls within) is blank" },
    };

    [Theory]
    [MemberData(nameof(RowRejects))]
    public void A_bad_row_is_rejected_with_its_line_field_and_reason_and_the_rest_load(
        string name, string[] lines, int rejectedLine, string field, string reason)
    {
        var file = PoliceCsv.Write(warehouse.Inputs, "2025-01-kent-street.csv", [PoliceCsv.StreetHeader, .. lines]);

        var run = warehouse.Run(KentLookup, file);

        Assert.True(run.ExitCode == ExitCode.Success, $"{name}: {string.Join("; ", run.Errors)}");
        var reject = Assert.Single(warehouse.Query<(long Line, string? Field, string Reason, string RawText)>(
            "SELECT line_number, field, reason, raw_text FROM meta.rejects"));
        Assert.Equal(rejectedLine, reject.Line);
        if (field.Length > 0) Assert.Equal(field, reject.Field);
        Assert.Contains(reason, reject.Reason, StringComparison.Ordinal);
        Assert.Equal(lines[rejectedLine - 2], reject.RawText);
        AssertNothingLost(lines.Length);
    }

    [Fact]
    public void Quoted_commas_and_semicolons_load_as_one_field()
    {
        var line = "q1,2025-01,Kent Police,Kent Police,0.97,51.25,\"On or near Mill Lane, Ashford\",E01023987,Ashford 001B,Burglary,\"Investigation complete; no suspect identified\",";
        var file = PoliceCsv.Write(warehouse.Inputs, "2025-01-kent-street.csv", PoliceCsv.StreetHeader, line);

        warehouse.Run(KentLookup, file);

        var record = warehouse.Query<(string Location, string Outcome)>(
            "SELECT location, last_outcome_key FROM core.fct_crime_records").Single();
        Assert.Equal("On or near Mill Lane, Ashford", record.Location);
        Assert.Equal("no-suspect-identified", record.Outcome);
        AssertNothingLost(1);
    }

    [Fact]
    public void Blank_and_unknown_LSOAs_are_kept_under_the_unknown_district()
    {
        var file = PoliceCsv.Write(warehouse.Inputs, "2025-01-kent-street.csv", PoliceCsv.StreetHeader,
            "b1,2025-01,Kent Police,Kent Police,,,No Location,,,Burglary,Unable to prosecute suspect,",
            PoliceCsv.Crime("u1", lsoa: "E01999999"), PoliceCsv.Crime("k1"));

        warehouse.Run(KentLookup, file);

        var districts = warehouse.Query<(string District, long Incidents)>(
            "SELECT district_code, incidents FROM marts.crime_by_district_month ORDER BY district_code").ToList();
        Assert.Equal([("E07000105", 1L), ("UNKNOWN", 2L)], districts);
        AssertNothingLost(3);
    }

    [Fact]
    public void A_repeated_Crime_ID_is_loaded_not_rejected_and_counted_once_with_the_repeat_set_aside()
    {
        string[] lines = [PoliceCsv.Crime("same"), PoliceCsv.Crime("other"), PoliceCsv.Crime("same")];
        var file = PoliceCsv.Write(warehouse.Inputs, "2025-01-kent-street.csv", [PoliceCsv.StreetHeader, .. lines]);

        var run = warehouse.Run(KentLookup, file);

        Assert.True(run.ExitCode == ExitCode.Success, TemporaryWarehouse.Explain(run));
        Assert.Equal(0, warehouse.Scalar<long>("SELECT count(*) FROM meta.rejects"));
        Assert.Equal(1, warehouse.Scalar<long>("SELECT count(*) FROM core.fct_crime_records WHERE crime_id = 'same'"));
        var aside = warehouse.Query<(long Line, string Reason, string RawText)>(
            "SELECT source_line_number, reason, raw_text FROM marts.crime_records_set_aside").Single();
        Assert.Equal(4, aside.Line);
        Assert.Equal(lines[2], aside.RawText);
        var path = warehouse.Scalar<string>("SELECT source_path FROM meta.source_files WHERE source_kind = 'police_street'");
        Assert.Contains($"Crime ID same is counted once: kept {path} line 2, an identical row", aside.Reason, StringComparison.Ordinal);
        AssertNothingLost(3);
    }

    [Fact]
    public void Identical_anti_social_behaviour_rows_are_separate_incidents()
    {
        var file = PoliceCsv.Write(warehouse.Inputs, "2025-01-kent-street.csv", PoliceCsv.StreetHeader, PoliceCsv.Asb(), PoliceCsv.Asb(), PoliceCsv.Asb());

        warehouse.Run(KentLookup, file);

        Assert.Equal(3, warehouse.Scalar<long>("SELECT CAST(sum(incidents) AS BIGINT) FROM marts.crime_by_district_month WHERE crime_type = 'Anti-social behaviour'"));
        AssertNothingLost(3);
    }

    [Fact]
    public void Non_UTF8_bytes_reject_only_their_row()
    {
        var path = Path.Combine(warehouse.Inputs, "2025-01-kent-street.csv");
        var bad = Encoding.UTF8.GetBytes(PoliceCsv.Crime("c2")).Select(b => b == (byte)'C' ? (byte)0xC7 : b).ToArray(); // "Cobbs" in Latin-1
        File.WriteAllBytes(path, [.. Encoding.UTF8.GetBytes(PoliceCsv.StreetHeader + "\n" + PoliceCsv.Crime("c1") + "\n"), .. bad, (byte)'\n',
            .. Encoding.UTF8.GetBytes(PoliceCsv.Crime("c3") + "\n")]);

        var run = warehouse.Run(KentLookup, path);

        Assert.Equal(ExitCode.Success, run.ExitCode);
        var reject = Assert.Single(warehouse.Query<(long Line, string Reason)>("SELECT line_number, reason FROM meta.rejects"));
        Assert.Equal(3, reject.Line);
        Assert.Contains("INVALID ENCODING", reject.Reason);
        Assert.Equal(2, warehouse.Scalar<long>("SELECT count(*) FROM core.fct_crime_records"));
        AssertNothingLost(3);
    }

    [Fact]
    public void A_byte_order_mark_and_CRLF_line_ends_load_as_published_ONS_files_do()
    {
        var path = Path.Combine(warehouse.Inputs, "2025-01-kent-street.csv");
        File.WriteAllText(path, "\uFEFF" + PoliceCsv.StreetHeader + "\r\n" + PoliceCsv.Crime("c1") + "\r\n" + PoliceCsv.Crime("c2", month: "2031-01") + "\r\n", new UTF8Encoding(false));

        var run = warehouse.Run(KentLookup, path);

        Assert.Equal(ExitCode.Success, run.ExitCode);
        Assert.Equal("c1", warehouse.Scalar<string>("SELECT crime_id FROM core.fct_crime_records"));
        Assert.Equal(3, warehouse.Scalar<long>("SELECT line_number FROM meta.rejects"));
        Assert.DoesNotContain('\r', warehouse.Scalar<string>("SELECT raw_text FROM meta.rejects"));
    }

    [Fact]
    public void A_file_with_only_its_header_loads_no_rows_and_rejects_none()
    {
        var file = PoliceCsv.Write(warehouse.Inputs, "2025-01-kent-street.csv", PoliceCsv.StreetHeader);
        Assert.Equal(ExitCode.Success, warehouse.Run(KentLookup, file).ExitCode);
        AssertNothingLost(0);
    }

    [Fact]
    public void An_outcome_without_its_type_is_rejected()
    {
        var file = PoliceCsv.Write(warehouse.Inputs, "2025-01-kent-outcomes.csv", PoliceCsv.OutcomesHeader,
            "c1,2025-01,Kent Police,Kent Police,0.97,51.25,On or near Cobbs Hill,E01023987,Ashford 001B,Suspect charged",
            "c2,2025-01,Kent Police,Kent Police,0.97,51.25,On or near Cobbs Hill,E01023987,Ashford 001B,");

        warehouse.Run(KentLookup, file);

        Assert.Equal(("Outcome type", 3L), warehouse.Query<(string, long)>("SELECT field, line_number FROM meta.rejects").Single());
        AssertNothingLost(2);
    }

    public static TheoryData<string, string, string> FileErrors => new()
    {
        // name, file contents, words in the error
        { "wrong header", "Crime ID,Month,Force,Longitude\nx,2025-01,Kent,0.1\n", "is not data.police.uk's street header" },
        { "missing header", PoliceCsv.Crime("c1") + "\n" + PoliceCsv.Crime("c2") + "\n", "is not data.police.uk's street header" },
        { "empty file", "", "the file is empty" },
        { "not CSV at all", "\u0001\u0002PK\u0003\u0004 binary \u0000\u0000 junk", "is not data.police.uk's street header" },
        { "a quote left open", PoliceCsv.StreetHeader + "\n" + PoliceCsv.Crime("c1").Replace("On or near", "\"On or near") + "\n" + PoliceCsv.Crime("c2") + "\n", "" },
    };

    [Theory]
    [MemberData(nameof(FileErrors))]
    public void A_file_that_cannot_be_read_fails_the_run_naming_the_file_and_publishes_nothing(string name, string contents, string problem)
    {
        var path = Path.Combine(warehouse.Inputs, "2025-01-kent-street.csv");
        File.WriteAllText(path, contents, new UTF8Encoding(false));

        var run = warehouse.Run(KentLookup, path);

        if (run.ExitCode == ExitCode.Success)
        {
            // A reader may instead keep the damaged row as a reject; then nothing may be lost.
            Assert.Equal("a quote left open", name);
            AssertNothingLost(2);
            return;
        }
        Assert.Equal(ExitCode.SourceUnreadable, run.ExitCode);
        var error = Assert.Single(run.Errors);
        Assert.Contains("2025-01-kent-street.csv", error);
        Assert.Contains(problem, error);
        Assert.Null(warehouse.Directory.ReadPublished());
    }

    [Fact]
    public void An_unrecognised_csv_fails_the_run_and_says_what_is_loaded()
    {
        var path = PoliceCsv.Write(warehouse.Inputs, "budget.csv", "Year,Amount", "2025,100");
        var run = warehouse.Run(path);
        Assert.Equal(ExitCode.SourceUnreadable, run.ExitCode);
        Assert.Contains("budget.csv: the header 'Year,Amount' matches no source this ETL loads", Assert.Single(run.Errors));
    }

    [Fact]
    public void A_police_file_that_lost_its_published_name_fails_the_run()
    {
        var path = PoliceCsv.Write(warehouse.Inputs, "kent-january.csv", PoliceCsv.StreetHeader, PoliceCsv.Crime("c1"));
        var run = warehouse.Run(path);
        Assert.Contains("must keep its published name", Assert.Single(run.Errors));
    }

    [Fact]
    public void A_zip_entry_that_escapes_its_folder_is_refused()
    {
        var zip = Path.Combine(warehouse.Inputs, "download.zip");
        using (var archive = ZipFile.Open(zip, ZipArchiveMode.Create))
            using (var writer = new StreamWriter(archive.CreateEntry("../../2025-01-kent-street.csv").Open()))
                writer.Write(PoliceCsv.StreetHeader + "\n" + PoliceCsv.Crime("c1") + "\n");

        var run = warehouse.Run(zip);

        Assert.Equal(ExitCode.SourceUnreadable, run.ExitCode);
        Assert.Contains("download.zip: entry '../../2025-01-kent-street.csv' points outside the archive's folder", Assert.Single(run.Errors));
        Assert.False(File.Exists(Path.Combine(warehouse.Root, "..", "2025-01-kent-street.csv")));
        Assert.Null(warehouse.Directory.ReadPublished());
    }

    [Fact]
    public void A_zip_bomb_is_stopped_before_it_fills_the_disk()
    {
        var zip = Path.Combine(warehouse.Inputs, "bomb.zip");
        using (var archive = ZipFile.Open(zip, ZipArchiveMode.Create))
        using (var stream = archive.CreateEntry("2025-01/2025-01-kent-street.csv", CompressionLevel.SmallestSize).Open())
        {
            var zeros = new byte[1024 * 1024];
            for (var i = 0; i < 64; i++) stream.Write(zeros);
        }

        var run = warehouse.Run(zip);

        Assert.True(new FileInfo(zip).Length < 1024 * 1024, "the archive is small and expands 64 MiB");
        Assert.Equal(ExitCode.SourceUnreadable, run.ExitCode);
        Assert.Contains("may be a zip bomb", Assert.Single(run.Errors));
    }

    [Fact]
    public void A_zip_bomb_is_also_stopped_by_the_total_size_limit()
    {
        var zip = Path.Combine(warehouse.Inputs, "large.zip");
        using (var archive = ZipFile.Open(zip, ZipArchiveMode.Create))
            using (var writer = new StreamWriter(archive.CreateEntry("2025-01/2025-01-kent-street.csv", CompressionLevel.NoCompression).Open()))
                for (var i = 0; i < 2000; i++) writer.WriteLine(PoliceCsv.Crime($"c{i}"));

        var run = warehouse.Run(o => o with { ZipLimits = ZipLimits.Default with { MaxTotalBytes = 64 * 1024 } }, zip);

        Assert.Contains("expands past the size limit", Assert.Single(run.Errors));
    }

    [Fact]
    public void A_truncated_zip_fails_the_run_naming_it()
    {
        var zip = Path.Combine(warehouse.Inputs, "cut-short.zip");
        using (var archive = ZipFile.Open(zip, ZipArchiveMode.Create))
            using (var writer = new StreamWriter(archive.CreateEntry("2025-01/2025-01-kent-street.csv").Open()))
                for (var i = 0; i < 500; i++) writer.WriteLine(PoliceCsv.Crime($"c{i}"));
        var bytes = File.ReadAllBytes(zip);
        File.WriteAllBytes(zip, bytes[..(bytes.Length / 2)]);

        var run = warehouse.Run(zip);

        Assert.Equal(ExitCode.SourceUnreadable, run.ExitCode);
        Assert.Contains("cut-short.zip: not a readable zip archive", Assert.Single(run.Errors));
    }

    [Fact]
    public void A_source_that_does_not_exist_is_named()
    {
        var run = warehouse.Run(Path.Combine(warehouse.Inputs, "nowhere"));
        Assert.Contains("nowhere: no such file or folder", Assert.Single(run.Errors));
    }

    private void AssertNothingLost(long expectedRows) => NothingLost.InPoliceFile(warehouse, expectedRows);

    public void Dispose() => warehouse.Dispose();
}
