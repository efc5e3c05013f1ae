using Analytics.Etl.Excel;
using Analytics.Etl.Pipeline;
using Analytics.Tests.Support;

namespace Analytics.Tests.Money;

/// <summary>Funding returns load from CSV and Excel; bad lines are rejected one by one with their reason.</summary>
public sealed class FundingReturnTests : IDisposable
{
    private readonly TemporaryWarehouse warehouse = new();
    private static readonly string[] Geography = RepositoryPaths.KentGeography;

    public static TheoryData<string, string, string, string> BadLines => new()
    {
        // column, bad value, field blamed, words in the reason
        { "area_served", "E07999999", "area_served", "area E07999999 is not a known district or police force area code" },
        { "area_served", "E07000105;E0700010X", "area_served", "area E0700010X is not a known" },
        { "amount_allocated", "-250.00", "amount_allocated", "amount allocated -250.00 is negative" },
        { "amount_spent", "-1", "amount_spent", "amount spent -1 is negative" },
        { "amount_allocated", "a lot", "amount_allocated", "'a lot' is not an amount of money" },
        { "financial_year", "2025-26", "financial_year", "'2025-26' is not in the form 2024/25" },
        { "financial_year", "2025/27", "financial_year", "'2025/27' is not in the form 2024/25" },
        { "financial_year", "2025", "financial_year", "'2025' is not in the form 2024/25" },
        { "amount_allocated", "", "amount_allocated", "amount_allocated is blank" },
        { "amount_allocated", "  ", "amount_allocated", "amount_allocated is blank" },
        { "amount_allocated", "0", "amount_spent", "spend of 900.00 has no allocation" },
        { "commissioning_model", "outsourced", "commissioning_model", "'outsourced' is not one of: joint, service_level, strategic" },
        { "budget_arrangement", "loan", "budget_arrangement", "'loan' is not one of: aligned_budget, contract, grant, pooled_budget" },
        { "recipient_type", "charity", "recipient_type", "'charity' is not one of" },
        { "source", "published", "source_url", "a published figure needs its source_url" },
        { "source", "rumour", "source", "'rumour' is not one of: illustrative, published" },
        { "funder", "", "funder", "funder is blank" },
    };

    [Theory]
    [MemberData(nameof(BadLines))]
    public void A_bad_line_in_a_CSV_return_is_rejected_with_its_reason_and_the_rest_load(string column, string value, string field, string reason)
    {
        var good = FundingCsv.Line();
        var bad = FundingCsv.Line("Swale Community Safety Partnership").With(column, value);
        var file = PoliceCsv.Write(warehouse.Inputs, "funding.csv", FundingCsv.Header, FundingCsv.ToCsv(good), FundingCsv.ToCsv(bad));

        var run = warehouse.Run([.. Geography, file]);

        Assert.True(run.ExitCode == ExitCode.Success, string.Join("; ", run.Errors));
        var reject = Assert.Single(warehouse.Query<(long Line, string Field, string Reason, string Raw)>(
            "SELECT line_number, field, reason, raw_text FROM meta.rejects"));
        Assert.Equal((3L, field), (reject.Line, reject.Field));
        Assert.Contains(reason, reject.Reason);
        Assert.Equal(FundingCsv.ToCsv(bad), reject.Raw);
        Assert.Equal(1000.00m, warehouse.Scalar<decimal>("SELECT sum(allocated) FROM marts.spend_by_district_year"));
        AssertNothingLost(2, 1);
    }

    [Fact]
    public void The_same_line_twice_is_rejected_naming_the_first()
    {
        var line = FundingCsv.ToCsv(FundingCsv.Line());
        var file = PoliceCsv.Write(warehouse.Inputs, "funding.csv", FundingCsv.Header, line, FundingCsv.ToCsv(FundingCsv.Line("Other")), line);

        warehouse.Run([.. Geography, file]);

        var reject = warehouse.Query<(long Line, string Reason)>("SELECT line_number, reason FROM meta.rejects").Single();
        Assert.Equal(4, reject.Line);
        Assert.Contains("is on line 2", reject.Reason);
        AssertNothingLost(3, 1);
    }

    [Fact]
    public void Values_are_read_as_people_write_them()
    {
        var line = FundingCsv.Line().With("amount_allocated", "£1,250.50").With("amount_spent", "").With("commissioning_model", "Service level")
            .With("budget_arrangement", "Pooled budget").With("area_served", "E23000032");
        var file = PoliceCsv.Write(warehouse.Inputs, "funding.csv", FundingCsv.Header, FundingCsv.ToCsv(line));

        warehouse.Run([.. Geography, file]);

        var rows = warehouse.Query<(decimal Allocated, decimal? Spent, string Model, string Arrangement)>(
            "SELECT allocated, spent, commissioning_model, budget_arrangement FROM marts.spend_by_district_year");
        Assert.Equal(13, rows.Count); // the whole force area: Kent's 12 districts and Medway
        Assert.Equal(1250.50m, rows.Sum(r => r.Allocated));
        Assert.All(rows, r => Assert.Equal((null, "service_level", "pooled_budget"), (r.Spent, r.Model, r.Arrangement)));
    }

    [Fact]
    public void An_Excel_return_loads_like_the_CSV_and_its_bad_rows_are_rejected_by_row_number()
    {
        var bad = FundingCsv.Line("Swale Community Safety Partnership").With("amount_allocated", "-5");
        var workbook = Path.Combine(warehouse.Inputs, "funding.xlsx");
        XlsxWriter.Write(workbook, new XlsxWriter.SheetContent("Funding return",
        [
            FundingCsv.Header.Split(','),
            FundingCsv.ToCells(FundingCsv.Line()),
            FundingCsv.ToCells(FundingCsv.Line("Dover Community Safety Partnership").With("area_served", "E07000108")),
            FundingCsv.ToCells(bad),
        ]));

        var run = warehouse.Run([.. Geography, workbook]);

        Assert.True(run.ExitCode == ExitCode.Success, string.Join("; ", run.Errors));
        Assert.Equal(2000.00m, warehouse.Scalar<decimal>("SELECT sum(allocated) FROM marts.spend_by_district_year"));
        var reject = warehouse.Query<(long Line, string Field, string Reason)>("SELECT line_number, field, reason FROM meta.rejects").Single();
        Assert.Equal((4L, "amount_allocated"), (reject.Line, reject.Field));
        Assert.Contains("is negative", reject.Reason);
        AssertNothingLost(3, 1);
    }

    [Fact]
    public void A_blank_amount_in_an_Excel_return_is_rejected_naming_the_field_not_loaded_as_nothing()
    {
        var workbook = Path.Combine(warehouse.Inputs, "funding.xlsx");
        XlsxWriter.Write(workbook, new XlsxWriter.SheetContent("Funding return",
        [
            FundingCsv.Header.Split(','),
            FundingCsv.ToCells(FundingCsv.Line()),
            FundingCsv.ToCells(FundingCsv.Line("Dover Community Safety Partnership").With("area_served", "E07000108")
                .With("amount_allocated", "").With("amount_spent", "")),
        ]));

        var run = warehouse.Run([.. Geography, workbook]);

        Assert.True(run.ExitCode == ExitCode.Success, string.Join("; ", run.Errors));
        var reject = warehouse.Query<(long Line, string Field, string Reason)>("SELECT line_number, field, reason FROM meta.rejects").Single();
        Assert.Equal((3L, "amount_allocated", "amount_allocated is blank"), reject);
        Assert.Equal(1, warehouse.Scalar<long>("SELECT count(*) FROM marts.spend_by_district_year"));
        AssertNothingLost(2, 1);
    }

    [Fact]
    public void A_file_named_xlsx_that_is_not_a_workbook_fails_the_run_naming_it()
    {
        var path = Path.Combine(warehouse.Inputs, "funding.xlsx");
        File.WriteAllText(path, FundingCsv.Header);

        var run = warehouse.Run([.. Geography, path]);

        Assert.Equal(ExitCode.SourceUnreadable, run.ExitCode);
        Assert.Contains("funding.xlsx: not a readable Excel workbook", Assert.Single(run.Errors));
    }

    [Fact]
    public void The_blank_templates_in_the_repository_load_with_no_rows()
    {
        var templates = Path.Combine(RepositoryPaths.Root, "templates");
        var run = warehouse.Run([.. Geography, Path.Combine(templates, "funding-return-template.csv"),
            Path.Combine(templates, "funding-return-template.xlsx"), Path.Combine(templates, "service-return-template.csv")]);

        Assert.True(run.ExitCode == ExitCode.Success, string.Join("; ", run.Errors));
        Assert.Equal(3, run.Files.Count(f => f.Kind is "funding_returns" or "service_returns" && f.RowsRead == 0));
    }

    [Fact]
    public void The_shipped_templates_are_what_the_template_command_writes()
    {
        var fresh = Path.Combine(warehouse.Inputs, "templates");
        Analytics.Etl.Templates.ReturnTemplates.WriteAll(fresh);
        var shipped = Path.Combine(RepositoryPaths.Root, "templates");
        foreach (var name in new[] { "funding-return-template.csv", "service-return-template.csv", "plan-template.yaml" })
            Assert.Equal(File.ReadAllText(Path.Combine(fresh, name)), File.ReadAllText(Path.Combine(shipped, name)));
        Assert.Equal(
            XlsxReader.ReadRows(Path.Combine(fresh, "funding-return-template.xlsx"), "Guidance").Select(r => string.Join("|", r.Cells)),
            XlsxReader.ReadRows(Path.Combine(shipped, "funding-return-template.xlsx"), "Guidance").Select(r => string.Join("|", r.Cells)));
    }

    [Fact]
    public void A_line_for_an_area_with_no_known_districts_stops_the_publish_rather_than_lose_its_money()
    {
        // The force area code is known (from the PFA names file) but no lookup places any district in it.
        var line = FundingCsv.Line().With("area_served", "E23000032");
        var file = PoliceCsv.Write(warehouse.Inputs, "funding.csv", FundingCsv.Header, FundingCsv.ToCsv(line));

        var run = warehouse.Run(RepositoryPaths.KentGeography[0], Path.Combine(RepositoryPaths.Geography, "ons_PFA19_names_codes_UK_dec2019.csv"), file);

        Assert.Equal(ExitCode.DataTestsFailed, run.ExitCode);
        Assert.Contains(run.DataTests, test => test.Test.Name == "assert_funding_lines_fully_apportioned" && !test.Passed);
    }

    private void AssertNothingLost(long read, long rejected)
    {
        var file = warehouse.Query<(long Read, long Loaded, long Rejected)>(
            "SELECT rows_read, rows_loaded, rows_rejected FROM meta.source_files WHERE source_kind = 'funding_returns'").Single();
        Assert.Equal((read, read - rejected, rejected), file);
    }

    public void Dispose() => warehouse.Dispose();
}
