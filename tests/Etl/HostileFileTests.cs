using System.IO.Compression;
using System.Text;
using Analytics.Etl.Excel;
using Analytics.Etl.Loading;
using Analytics.Etl.Pipeline;
using Analytics.Tests.Support;
using Analytics.Warehouse;
using Analytics.Warehouse.Queries;
using Analytics.Warehouse.Schema;
using Dapper;

namespace Analytics.Tests.Etl;

/// <summary>
/// Hostile and clumsy files (issue 13): each either loads, or is refused with a message naming the file (and the
/// line, cell or entry at fault) and exit 1, in bounded time and memory; no line vanishes without a reject, and a
/// reject stores a bounded amount of text. The limits are <see cref="InputLimits"/>.
/// </summary>
public sealed class HostileFileTests : IDisposable
{
    private readonly TemporaryWarehouse warehouse = new();
    private static string KentLookup => RepositoryPaths.KentGeography[0];
    private static string ForceAreas => Path.Combine(RepositoryPaths.Geography, "ons_PFA19_names_codes_UK_dec2019.csv");

    // ---- Item 3: bounded time and memory ----

    [Fact]
    public void A_header_of_a_million_fields_is_refused_before_it_is_parsed()
    {
        var header = string.Join(",", Enumerable.Range(0, 1_000_000).Select(i => "f" + (i % 10)));
        var path = PoliceCsv.Write(warehouse.Inputs, "2025-01-kent-street.csv", header, PoliceCsv.Crime("c1"));

        var run = warehouse.Run(KentLookup, path);

        Assert.Equal(ExitCode.SourceUnreadable, run.ExitCode);
        var error = Assert.Single(run.Errors);
        Assert.Contains("2025-01-kent-street.csv", error);
        Assert.Contains($"1,000,000 fields, more than the {InputLimits.MaxColumns:N0} allowed", error);
        Assert.True(error.Length < 1000, "the message does not repeat the header");
    }

    [Fact]
    public void A_line_with_fifty_thousand_extra_fields_is_one_reject_of_bounded_size()
    {
        var huge = PoliceCsv.Crime("c2") + string.Concat(Enumerable.Repeat(",x", 50_000));
        var path = PoliceCsv.Write(warehouse.Inputs, "2025-01-kent-street.csv", PoliceCsv.StreetHeader, PoliceCsv.Crime("c1"), huge, PoliceCsv.Crime("c3"));

        var run = warehouse.Run(KentLookup, path);

        Assert.True(run.ExitCode == ExitCode.Success, TemporaryWarehouse.Explain(run));
        var reject = Assert.Single(warehouse.Query<(long Line, string Reason, string RawText)>("SELECT line_number, reason, raw_text FROM meta.rejects"));
        Assert.Equal(3, reject.Line);
        Assert.Contains("TOO MANY COLUMNS: expected 12 fields, found 50,012", reject.Reason);
        Assert.InRange(reject.RawText.Length, 1, RejectText.MaxChars);
        Assert.EndsWith($"... ({huge.Length - RejectText.KeptChars} more characters)", reject.RawText);
        Assert.StartsWith(huge[..100], reject.RawText);
        AssertNothingLost(3);
    }

    [Fact]
    public void A_line_longer_than_the_limit_is_a_reject_naming_its_line_and_later_lines_keep_their_numbers()
    {
        var tooLong = PoliceCsv.Crime("c2").Replace("Cobbs Hill", new string('x', InputLimits.MaxLineBytes + 10));
        var path = PoliceCsv.Write(warehouse.Inputs, "2025-01-kent-street.csv",
            PoliceCsv.StreetHeader, PoliceCsv.Crime("c1"), tooLong, PoliceCsv.Crime("c3"), PoliceCsv.Crime("c4", month: "2031-01"));

        var run = warehouse.Run(KentLookup, path);

        Assert.True(run.ExitCode == ExitCode.Success, TemporaryWarehouse.Explain(run));
        var rejects = warehouse.Query<(long Line, string Reason, string RawText)>("SELECT line_number, reason, raw_text FROM meta.rejects ORDER BY 1");
        Assert.Equal([3L, 5L], rejects.Select(reject => reject.Line));
        Assert.Contains($"longer than the {InputLimits.MaxLineBytes:N0} bytes allowed", rejects[0].Reason);
        Assert.True(rejects[0].RawText.Length <= RejectText.MaxChars);
        Assert.Contains("in the future", rejects[1].Reason);
        AssertNothingLost(4);
    }

    [Fact]
    public void A_sheet_that_inflates_hundreds_of_times_is_refused_before_it_is_read()
    {
        var line = FundingCsv.ToCells(FundingCsv.Line()).Select(cell => cell?.ToString()).ToList();
        var rows = new[] { RawWorkbook.Row(1, FundingCsv.Header.Split(',')) }
            .Concat(Enumerable.Range(2, 20_000).Select(_ => "<row>" + string.Concat(line.Select(value => $"<c t=\"inlineStr\"><is><t>{value}</t></is></c>")) + "</row>"));
        var path = RawWorkbook.Write(Path.Combine(warehouse.Inputs, "funding.xlsx"), XlsxStager.PreferredSheet, rows);

        var run = warehouse.Run(KentLookup, ForceAreas, path);

        Assert.True(new FileInfo(path).Length < 200_000, "a small file");
        Assert.Equal(ExitCode.SourceUnreadable, run.ExitCode);
        var error = Assert.Single(run.Errors);
        Assert.Contains("funding.xlsx", error);
        Assert.Contains($"more than {InputLimits.MaxInflation:N0} times", error);
    }

    [Fact]
    public void A_cell_far_to_the_right_is_refused_naming_the_cell()
    {
        var path = RawWorkbook.Write(Path.Combine(warehouse.Inputs, "funding.xlsx"), XlsxStager.PreferredSheet,
            [RawWorkbook.Row(1, FundingCsv.Header.Split(',')), "<row r=\"2\"><c r=\"PZZZZZ2\" t=\"inlineStr\"><is><t>x</t></is></c></row>"]);

        var run = warehouse.Run(KentLookup, ForceAreas, path);

        Assert.Equal(ExitCode.SourceUnreadable, run.ExitCode);
        var error = Assert.Single(run.Errors);
        Assert.Contains("funding.xlsx", error);
        Assert.Contains("cell PZZZZZ2", error);
        Assert.Contains($"beyond column {RawWorkbook.Column(InputLimits.MaxColumns - 1)}", error);
    }

    [Fact]
    public void A_stored_reject_is_capped_wherever_its_text_comes_from()
    {
        var longLocation = new string('y', 9000); // within the line limit, so DuckDB itself rejects the line
        var path = PoliceCsv.Write(warehouse.Inputs, "2025-01-kent-street.csv", PoliceCsv.StreetHeader,
            PoliceCsv.Crime("c1", month: "2031-01").Replace("Cobbs Hill", longLocation));

        warehouse.Run(KentLookup, path);

        var (reason, rawText) = warehouse.Query<(string, string)>("SELECT reason, raw_text FROM meta.rejects").Single();
        Assert.Contains("in the future", reason);
        Assert.True(rawText.Length <= RejectText.MaxChars);
        Assert.Contains("more characters)", rawText);
    }

    [Fact]
    public void The_data_page_shows_a_reject_stored_before_the_cap_capped()
    {
        var path = PoliceCsv.Write(warehouse.Inputs, "2025-01-kent-street.csv", PoliceCsv.StreetHeader, PoliceCsv.Crime("c1", month: "2031-01"));
        warehouse.Run(KentLookup, path);
        var snapshot = warehouse.Published.Path;
        File.SetAttributes(snapshot, FileAttributes.Normal);
        using (var connection = DuckDbConnections.OpenReadWrite(snapshot)) // as an older ETL stored it: whole
            connection.Execute("UPDATE meta.rejects SET reason = repeat('r', 3300000), raw_text = repeat('x', 10000)");

        var shown = Assert.Single(new LoadHistoryQueries(new WarehouseReader(warehouse.Directory)).LatestRejects(50));

        Assert.Equal(RejectText.KeptChars + "... (3296000 more characters)".Length, shown.Reason.Length);
        Assert.EndsWith("... (6000 more characters)", shown.RawText);
    }

    // ---- Item 5: an archive loses nothing silently ----

    [Fact]
    public void A_zip_holding_two_entries_of_the_same_name_is_refused_naming_the_entry()
    {
        var zip = Path.Combine(warehouse.Inputs, "police.zip");
        using (var archive = ZipFile.Open(zip, ZipArchiveMode.Create))
        {
            foreach (var ids in new[] { Enumerable.Range(0, 300), Enumerable.Range(1000, 5) })
            {
                using var writer = new StreamWriter(archive.CreateEntry("2025-01/2025-01-kent-street.csv").Open());
                writer.Write(string.Join("\n", ids.Select(i => PoliceCsv.Crime($"c{i}")).Prepend(PoliceCsv.StreetHeader)) + "\n");
            }
        }

        var run = warehouse.Run(KentLookup, zip);

        Assert.Equal(ExitCode.SourceUnreadable, run.ExitCode);
        Assert.Contains("police.zip: the archive holds two entries named '2025-01/2025-01-kent-street.csv'", Assert.Single(run.Errors));
        Assert.Null(warehouse.Directory.ReadPublished());
    }

    // ---- Item 6: line numbers stay true, lines never vanish ----

    [Fact]
    public void Line_numbers_stay_true_with_LF_CRLF_and_CR_mixed()
    {
        var lines = new List<string> { PoliceCsv.StreetHeader };
        for (var number = 2; number <= 120; number++) lines.Add(PoliceCsv.Crime($"c{number}", month: number == 101 ? "2031-01" : "2025-01"));
        string[] endings = ["\n", "\r\n", "\r"];
        var path = Path.Combine(warehouse.Inputs, "2025-01-kent-street.csv");
        File.WriteAllText(path, string.Concat(lines.Select((line, index) => line + endings[index % 3])), new UTF8Encoding(false));

        var run = warehouse.Run(KentLookup, path);

        Assert.True(run.ExitCode == ExitCode.Success, TemporaryWarehouse.Explain(run));
        var reject = warehouse.Query<(long Line, string RawText)>("SELECT line_number, raw_text FROM meta.rejects").Single();
        Assert.Equal((101L, lines[100]), reject);
        Assert.Equal(Enumerable.Range(2, 119).Where(n => n != 101).Select(n => (long)n),
            warehouse.Query<long>("SELECT line_number FROM raw.police_street ORDER BY line_number"));
        AssertNothingLost(119);
    }

    [Theory]
    [InlineData("\r\n", "\n")]
    [InlineData("\n", "\r\n")]
    [InlineData("\r\n", "\r")]
    public void A_last_line_ending_unlike_the_others_loads(string ending, string lastEnding)
    {
        var path = Path.Combine(warehouse.Inputs, "ons_mye_mid2023_ew_by_geography.csv");
        File.WriteAllText(path, "Code,Name,Geography,All ages" + ending + "E07000105,Ashford,Non-metropolitan District,135000" + ending
            + "E07000106,Canterbury,Non-metropolitan District,157000" + lastEnding, new UTF8Encoding(false));

        var run = warehouse.Run(KentLookup, path);

        Assert.True(run.ExitCode == ExitCode.Success, TemporaryWarehouse.Explain(run));
        var file = warehouse.Query<(long Read, long Loaded)>("SELECT rows_read, rows_loaded FROM meta.source_files WHERE source_kind = 'ons_population'").Single();
        Assert.Equal((2L, 2L), file);
    }

    [Fact]
    public void Extra_empty_trailing_fields_are_a_reject()
    {
        var path = PoliceCsv.Write(warehouse.Inputs, "2025-01-kent-street.csv", PoliceCsv.StreetHeader, PoliceCsv.Crime("c1"), PoliceCsv.Crime("c2") + ",,,");

        var run = warehouse.Run(KentLookup, path);

        Assert.True(run.ExitCode == ExitCode.Success, TemporaryWarehouse.Explain(run));
        var reject = warehouse.Query<(long Line, string Reason)>("SELECT line_number, reason FROM meta.rejects").Single();
        Assert.Equal(3, reject.Line);
        Assert.Contains("TOO MANY COLUMNS: expected 12 fields, found 15", reject.Reason);
        AssertNothingLost(2);
    }

    [Fact]
    public void A_line_with_fewer_fields_than_the_header_is_rejected_by_the_line_scan_and_the_lines_after_keep_their_numbers()
    {
        var elevenFields = PoliceCsv.Crime("c2")[..^1]; // the empty Context field dropped: 11 fields
        var path = PoliceCsv.Write(warehouse.Inputs, "2025-01-kent-street.csv", PoliceCsv.StreetHeader, PoliceCsv.Crime("c1"), elevenFields, PoliceCsv.Crime("c3"));

        var run = warehouse.Run(KentLookup, path);

        Assert.True(run.ExitCode == ExitCode.Success, TemporaryWarehouse.Explain(run));
        var reject = warehouse.Query<(long Line, string? Field, string Reason, string RawText)>("SELECT line_number, field, reason, raw_text FROM meta.rejects").Single();
        Assert.Equal((3L, null, "MISSING COLUMNS: expected 12 fields, found 11", elevenFields), reject);
        Assert.Equal([(2L, "c1"), (4L, "c3")], warehouse.Query<(long, string)>("SELECT line_number, crime_id FROM raw.police_street ORDER BY 1"));
        AssertNothingLost(3);
    }

    [Fact]
    public void A_rule_reject_after_blank_lines_CRLF_and_other_rejects_keeps_its_exact_line_number_and_raw_text()
    {
        // Numbered lines: 1 header, 2 c1, 3 blank, 4 too many fields, 5 not UTF-8, 6 quoted fields from the future, 7 c7.
        var future = "c6,2031-01,Kent Police,Kent Police,0.97,51.25,\"On or near Mill Lane, Ashford\",E01023987,Ashford 001B,Burglary,\"Under \"\"investigation\"\"\",";
        var notUtf8 = Encoding.UTF8.GetBytes(PoliceCsv.Crime("c5")).Select(b => b == (byte)'C' ? (byte)0xC7 : b).ToArray();
        var path = Path.Combine(warehouse.Inputs, "2025-01-kent-street.csv");
        File.WriteAllBytes(path, [
            .. Encoding.UTF8.GetBytes($"{PoliceCsv.StreetHeader}\r\n{PoliceCsv.Crime("c1")}\r\n\r\n{PoliceCsv.Crime("c4")},x\r\n"),
            .. notUtf8, (byte)'\r', (byte)'\n', .. Encoding.UTF8.GetBytes($"{future}\r\n{PoliceCsv.Crime("c7")}\r\n")]);

        var run = warehouse.Run(KentLookup, path);

        Assert.True(run.ExitCode == ExitCode.Success, TemporaryWarehouse.Explain(run));
        var rejects = warehouse.Query<(long Line, string? Field, string RawText)>("SELECT line_number, field, raw_text FROM meta.rejects ORDER BY 1");
        Assert.Equal([4L, 5L, 6L], rejects.Select(reject => reject.Line));
        Assert.Equal(PoliceCsv.Crime("c4") + ",x", rejects[0].RawText);
        Assert.Equal(("Month", future), (rejects[2].Field, rejects[2].RawText));
        Assert.Equal([(2L, "c1"), (7L, "c7")], warehouse.Query<(long, string)>("SELECT line_number, crime_id FROM raw.police_street ORDER BY 1"));
        AssertNothingLost(5);
    }

    // ---- Item 7: the right message ----

    [Fact]
    public void A_force_name_in_another_case_is_the_same_force()
    {
        var lower = PoliceCsv.Write(warehouse.Inputs, "a/2025-01-kent-street.csv", PoliceCsv.StreetHeader, PoliceCsv.Crime("c1"), PoliceCsv.Crime("c2"));
        var upper = PoliceCsv.Write(warehouse.Inputs, "b/2025-01-KENT-street.csv", PoliceCsv.StreetHeader, PoliceCsv.Crime("c3"));

        var first = warehouse.Run(KentLookup, lower);
        var second = warehouse.Run(upper);

        Assert.True(first.ExitCode == ExitCode.Success, TemporaryWarehouse.Explain(first));
        Assert.True(second.ExitCode == ExitCode.Success, TemporaryWarehouse.Explain(second));
        Assert.Equal(["c3"], warehouse.Query<string>("SELECT crime_id FROM core.fct_crime_records"));
        Assert.Equal(["kent"], warehouse.Query<string>("SELECT DISTINCT force_slug FROM meta.source_files WHERE force_slug IS NOT NULL"));
    }

    [Fact]
    public void An_unknown_force_is_refused_naming_the_file()
    {
        var path = PoliceCsv.Write(warehouse.Inputs, "2025-01-kentt-street.csv", PoliceCsv.StreetHeader, PoliceCsv.Crime("c1"));

        var run = warehouse.Run(KentLookup, path);

        Assert.Equal(ExitCode.SourceUnreadable, run.ExitCode);
        Assert.Contains("2025-01-kentt-street.csv: 'kentt' is not a police force data.police.uk publishes", Assert.Single(run.Errors));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void A_UTF16_file_is_named_as_UTF16(bool byteOrderMark)
    {
        var path = Path.Combine(warehouse.Inputs, "2025-01-kent-street.csv");
        File.WriteAllText(path, PoliceCsv.StreetHeader + "\r\n" + PoliceCsv.Crime("c1") + "\r\n", new UnicodeEncoding(false, byteOrderMark));

        var run = warehouse.Run(KentLookup, path);

        Assert.Equal(ExitCode.SourceUnreadable, run.ExitCode);
        var error = Assert.Single(run.Errors);
        Assert.Contains("2025-01-kent-street.csv: the file is UTF-16 encoded", error);
        Assert.DoesNotContain('\0', error);
    }

    [Fact]
    public void A_formula_with_no_saved_value_is_rejected_naming_its_cell()
    {
        var header = FundingCsv.Header.Split(',');
        var amount = Array.IndexOf(header, "amount_allocated");
        var cells = FundingCsv.ToCells(FundingCsv.Line()).Select(cell => cell?.ToString()).ToList();
        var formulaRow = RawWorkbook.Row(3, cells.Select((value, column) => column == amount ? null : value))
            .Replace("</row>", $"<c r=\"{RawWorkbook.Column(amount)}3\"><f>SUM(Z1:Z9)</f></c></row>");
        var path = RawWorkbook.Write(Path.Combine(warehouse.Inputs, "funding.xlsx"), XlsxStager.PreferredSheet,
            [RawWorkbook.Row(1, header), RawWorkbook.Row(2, cells), formulaRow]);

        var run = warehouse.Run(KentLookup, ForceAreas, path);

        Assert.True(run.ExitCode == ExitCode.Success, TemporaryWarehouse.Explain(run));
        var reject = warehouse.Query<(long Line, string Field, string Reason)>("SELECT line_number, field, reason FROM meta.rejects").Single();
        Assert.Equal((3L, "amount_allocated"), (reject.Line, reject.Field));
        Assert.Contains($"cell {RawWorkbook.Column(amount)}3 holds a formula with no saved value", reject.Reason);
    }

    [Fact]
    public void A_workbook_without_the_funding_return_sheet_is_refused_naming_the_sheet()
    {
        var path = Path.Combine(warehouse.Inputs, "funding.xlsx");
        XlsxWriter.Write(path, new XlsxWriter.SheetContent("Sheet1", [FundingCsv.Header.Split(','), FundingCsv.ToCells(FundingCsv.Line())]));

        var run = warehouse.Run(KentLookup, ForceAreas, path);

        Assert.Equal(ExitCode.SourceUnreadable, run.ExitCode);
        Assert.Contains("funding.xlsx: the workbook has no sheet named 'Funding return' (its sheets: 'Sheet1')", Assert.Single(run.Errors));
    }

    private void AssertNothingLost(long expectedRows) => NothingLost.InPoliceFile(warehouse, expectedRows);

    public void Dispose() => warehouse.Dispose();
}
