using Analytics.Tests.Support;

namespace Analytics.Tests.Money;

public sealed class ServiceReturnTests : IDisposable
{
    private readonly TemporaryWarehouse warehouse = new();

    [Theory]
    [InlineData("P,Youth diversion,2025/26,Q5,completions,10,illustrative,", "financial_quarter", "'Q5' is not Q1, Q2, Q3 or Q4")]
    [InlineData("P,Youth diversion,2025/26,Q1,hugs,10,illustrative,", "measure", "'hugs' is not one of")]
    [InlineData("P,Youth diversion,2025/26,Q1,completions,-3,illustrative,", "value", "'-3' is not a whole number of people")]
    [InlineData("P,Youth diversion,2025/26,Q1,completions,2.5,illustrative,", "value", "'2.5' is not a whole number")]
    [InlineData("P,Youth diversion,25/26,Q1,completions,10,illustrative,", "financial_year", "'25/26' is not in the form 2024/25")]
    [InlineData("P,Youth diversion,2025/26,Q1,starts,7,illustrative,", "measure", "the same provider, service, quarter and measure is on line 3")]
    public void A_bad_figure_is_rejected_with_its_reason(string badLine, string field, string reason)
    {
        var file = PoliceCsv.Write(warehouse.Inputs, "service.csv", FundingCsv.ServiceHeader,
            "P,Youth diversion,2025/26,Q1,referrals,12,illustrative,", "P,Youth diversion,2025/26,Q1,starts,9,illustrative,", badLine);

        warehouse.Run(file);

        var reject = warehouse.Query<(long Line, string Field, string Reason)>("SELECT line_number, field, reason FROM meta.rejects").Single();
        Assert.Equal((4L, field), (reject.Line, reject.Field));
        Assert.Contains(reason, reject.Reason);
        Assert.Equal(21, warehouse.Scalar<long>("SELECT CAST(sum(value) AS BIGINT) FROM marts.service_activity_by_quarter"));
    }

    public void Dispose() => warehouse.Dispose();
}
