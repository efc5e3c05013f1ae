using System.Text;
using Analytics.Etl.Excel;
using Analytics.Etl.Loading;

namespace Analytics.Etl.Templates;

/// <summary>
/// The blank templates commissioning staff fill in: a funding return (CSV or Excel, the Excel one with a guidance
/// sheet), a service return (CSV) and a plan definition (YAML). <c>etl template --out DIR</c> writes them; the
/// repository ships them in templates/.
/// </summary>
public static class ReturnTemplates
{
    public static readonly TemplateColumn[] FundingColumns =
    [
        new("financial_year", true, "UK financial year, April to March, written 2024/25", "2024/25"),
        new("funder", true, "Who provided the money", "Office of the Kent Police and Crime Commissioner"),
        new("funding_stream", true, "The grant or budget the money came from; lines with the same stream and year form one grant", "Crime Reduction Grant"),
        new("recipient", true, "Who received it", "Ashford Community Safety Partnership"),
        new("recipient_type", true, "partnership, council, provider or police", "partnership"),
        new("commissioned_service", false, "The service bought or funded (the funding stream if blank)", "Community safety partnership projects"),
        new("area_served", true, "District GSS codes separated by ';', or a police force area code for the whole area", "E07000105"),
        new("commissioning_model", true, "strategic, service_level or joint", "strategic"),
        new("budget_arrangement", true, "grant, contract, pooled_budget or aligned_budget", "grant"),
        new("amount_allocated", true, "Pounds allocated for the year (no negative amounts)", "35431.05"),
        new("amount_spent", false, "Pounds spent; blank until reported; needs an allocation", "34368.12"),
        new("source", true, "published or illustrative", "published"),
        new("source_url", false, "Where a published figure was published (required when source is published)", "https://www.kent-pcc.gov.uk/"),
        new("notes", false, "Anything a reader should know", ""),
    ];

    public static readonly TemplateColumn[] ServiceReturnColumns =
    [
        new("provider", true, "The provider reporting", "Kent Youth Diversion Programme"),
        new("commissioned_service", true, "The service, as named in the funding return", "Youth diversion"),
        new("financial_year", true, "UK financial year, written 2024/25", "2025/26"),
        new("financial_quarter", true, "Q1 (April to June) to Q4 (January to March)", "Q1"),
        new("measure", true, "referrals, starts, completions, successful_outcomes or dropped_out", "referrals"),
        new("value", true, "A whole number of people", "42"),
        new("source", true, "published or illustrative", "published"),
        new("notes", false, "Anything a reader should know", ""),
    ];

    public const string PlanTemplate = """
        # A Police and Crime Plan as measures the warehouse computes. Load it with the ETL; raise the version when it changes.
        plan:
          id: my-area-pcp-2025-29            # lower-case letters, digits and hyphens
          title: "Police and Crime Plan 2025-29"
          version: "2025.1"
          force_area: E23000032              # the police force area code (E23... or W15...)
          source_url: https://example.org/plan

        objectives:
          - id: protecting-people
            title: Protecting People
            description: What the objective is for.
            measures:
              - id: violence-rate
                title: Violence and sexual offences per 1,000 residents
                metric: rate_per_1000          # rate_per_1000 (per year), incidents (per month) or positive_outcome_rate
                crime_types: [Violence and sexual offences]   # published crime types, or: all recorded crime
                baseline: 2024/25 Q4           # a financial year (2024/25) or quarter (2024/25 Q4)
                direction: reduce              # reduce, increase or maintain; or instead a numeric target:
              - id: positive-outcome-rate
                title: Positive outcome rate for all recorded crime
                metric: positive_outcome_rate
                crime_types: all recorded crime
                baseline: 2024/25
                target: 0.12                   # a proportion for outcome rates
                tolerance_percent: 5           # within 5% of the target is "at risk"

        """;

    public static IReadOnlyList<string> WriteAll(string directory)
    {
        Directory.CreateDirectory(directory);
        var written = new List<string>
        {
            WriteText(directory, "funding-return-template.csv", string.Join(",", FundingColumns.Select(c => c.Name)) + "\n"),
            WriteText(directory, "service-return-template.csv", string.Join(",", ServiceReturnColumns.Select(c => c.Name)) + "\n"),
            WriteText(directory, "plan-template.yaml", PlanTemplate),
        };
        var workbook = Path.Combine(directory, "funding-return-template.xlsx");
        XlsxWriter.Write(workbook,
            new XlsxWriter.SheetContent(XlsxStager.PreferredSheet, [FundingColumns.Select(c => (object?)c.Name).ToList()]),
            new XlsxWriter.SheetContent("Guidance",
                [["column", "required", "what to put in it", "example"],
                 .. FundingColumns.Select(c => (IReadOnlyList<object?>)[c.Name, c.Required ? "yes" : "no", c.Meaning, c.Example]),
                 [],
                 ["which return", null, ReturnIdentityGuidance, null]]));
        written.Add(workbook);
        return written;
    }

    /// <summary>How a return is told apart from another (etl/README.md, "Funding returns"); FundingReturnIdentity does it.</summary>
    public const string ReturnIdentityGuidance =
        "A return is known by the funders and financial years on its lines, not by its file name. A file that covers all of the " +
        "funders and years of a return loaded earlier replaces it: send a corrected return whole, in CSV or Excel. A line that " +
        "repeats a line of another return still loaded is rejected, naming that return's file and line.";

    private static string WriteText(string directory, string name, string content)
    {
        var path = Path.Combine(directory, name);
        File.WriteAllText(path, content, new UTF8Encoding(false));
        return path;
    }
}
