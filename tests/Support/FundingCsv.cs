using Analytics.Etl.Templates;

namespace Analytics.Tests.Support;

/// <summary>Funding and service return lines in the project's templates, for tests.</summary>
public static class FundingCsv
{
    public static string Header => string.Join(",", ReturnTemplates.FundingColumns.Select(c => c.Name));
    public static string ServiceHeader => string.Join(",", ReturnTemplates.ServiceReturnColumns.Select(c => c.Name));

    public static Dictionary<string, string> Line(string recipient = "Ashford Community Safety Partnership") => new()
    {
        ["financial_year"] = "2025/26", ["funder"] = "Office of the Kent PCC", ["funding_stream"] = "Crime Reduction Grant",
        ["recipient"] = recipient, ["recipient_type"] = "partnership", ["commissioned_service"] = "Projects",
        ["area_served"] = "E07000105", ["commissioning_model"] = "strategic", ["budget_arrangement"] = "grant",
        ["amount_allocated"] = "1000.00", ["amount_spent"] = "900.00", ["source"] = "illustrative", ["source_url"] = "", ["notes"] = "",
    };

    public static Dictionary<string, string> With(this Dictionary<string, string> line, string column, string value) =>
        new(line) { [column] = value };

    public static string ToCsv(Dictionary<string, string> line) =>
        string.Join(",", ReturnTemplates.FundingColumns.Select(c => Quote(line[c.Name])));

    public static IReadOnlyList<object?> ToCells(Dictionary<string, string> line) =>
        ReturnTemplates.FundingColumns.Select(c => line[c.Name].Length == 0 ? null : (object?)line[c.Name]).ToList();

    private static string Quote(string value) => value.IndexOfAny([',', '"']) >= 0 ? "\"" + value.Replace("\"", "\"\"") + "\"" : value;
}
