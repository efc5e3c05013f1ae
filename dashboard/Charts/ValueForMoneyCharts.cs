using Analytics.Dashboard.Filters;
using Analytics.Warehouse.Queries;
using Microsoft.FSharp.Core;
using Plotly.NET;
using Plotly.NET.CSharp;
using Plotly.NET.TraceObjects;
using Chart = Plotly.NET.CSharp.Chart;

namespace Analytics.Dashboard.Charts;

/// <summary>What each result costs, district by district, and how spend and crime sit against the force-area averages.</summary>
public static class ValueForMoneyCharts
{
    public static IReadOnlyList<ChartPanel> Build(ValidatedFilter filter, IReadOnlyList<DistrictValue> districts, ForceAreaValue average)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentNullException.ThrowIfNull(average);
        return [CostPerCrime(filter, districts), CostPerPositiveOutcome(filter, districts), SpendAgainstCrime(filter, districts, average), CrimeRates(filter, districts, average)];
    }

    private static ChartPanel CostPerCrime(ValidatedFilter filter, IReadOnlyList<DistrictValue> districts)
    {
        var chart = Chart.Column<double, string, string>(districts.Select(d => d.SpendPerCrime ?? 0).ToArray(), districts.Select(d => d.DistrictName).ToArray(),
                Name: "Spent per recorded crime", MarkerColor: Color.fromHex(ChartStyle.Blue))
            .WithXAxisStyle<string, string, string>(TitleText: "District")
            .WithYAxisStyle<double, double, string>(TitleText: "£ per recorded crime");
        return new ChartPanel("cost-per-crime", $"Spent per recorded crime by district, {filter.ForceAreaName}, {filter.Year}",
            "A year's spend in each district divided by its recorded crimes in a year (anti-social behaviour not counted). Where the year is not over, the crimes so far are scaled up to twelve months first.",
            ChartStyle.FundingSource + "; " + ChartStyle.PoliceSource, chart,
            new DataTable(
                [
                    new("district", "District"), new("spent", "Spent", ColumnFormat.Money), new("months_covered", "Months of crime data", ColumnFormat.Count),
                    new("recorded_crimes", "Recorded crimes in those months", ColumnFormat.Count), new("spent_per_recorded_crime", "Spent per recorded crime", ColumnFormat.MoneyExact),
                ],
                districts.Select(d => (IReadOnlyList<object?>)[d.DistrictName, d.Spent, d.MonthsCovered, d.RecordedCrimes, Pounds(d.SpendPerCrime)]).ToList()));
    }

    private static ChartPanel CostPerPositiveOutcome(ValidatedFilter filter, IReadOnlyList<DistrictValue> districts)
    {
        var chart = Chart.Column<double, string, string>(districts.Select(d => d.SpendPerPositiveOutcome ?? 0).ToArray(), districts.Select(d => d.DistrictName).ToArray(),
                Name: "Spent per positive outcome", MarkerColor: Color.fromHex(ChartStyle.Green))
            .WithXAxisStyle<string, string, string>(TitleText: "District")
            .WithYAxisStyle<double, double, string>(TitleText: "£ per positive outcome");
        return new ChartPanel("cost-per-positive-outcome", $"Spent per positive outcome by district, {filter.ForceAreaName}, {filter.Year}",
            "A year's spend divided by the recorded crimes in a year that ended in a charge or summons, a caution, a penalty notice, a drugs warning or a community resolution.",
            ChartStyle.FundingSource + "; " + ChartStyle.PoliceSource, chart,
            new DataTable(
                [
                    new("district", "District"), new("spent", "Spent", ColumnFormat.Money), new("months_covered", "Months of crime data", ColumnFormat.Count),
                    new("positive_outcomes", "Positive outcomes in those months", ColumnFormat.Count),
                    new("spent_per_positive_outcome", "Spent per positive outcome", ColumnFormat.MoneyExact),
                ],
                districts.Select(d => (IReadOnlyList<object?>)[d.DistrictName, d.Spent, d.MonthsCovered, d.PositiveOutcomes, Pounds(d.SpendPerPositiveOutcome)]).ToList()));
    }

    private static ChartPanel SpendAgainstCrime(ValidatedFilter filter, IReadOnlyList<DistrictValue> districts, ForceAreaValue average)
    {
        var x = districts.Select(d => d.SpendPer1000Population ?? 0).ToArray();
        var y = districts.Select(d => d.CrimesPer1000Population ?? 0).ToArray();
        var points = WithIntervals(
            Chart.Point<double, double, string>(x, y, Name: "District (bars show the 95% interval of its crime rate)", MultiText: districts.Select(d => d.DistrictName).ToArray(),
                MultiTextPosition: LabelSides(districts), MarkerColor: Color.fromHex(ChartStyle.Blue), MarkerSymbol: StyleParam.MarkerSymbol.Circle),
            districts);
        var traces = new List<GenericChart> { points };
        if (average.SpendPer1000Population is { } avgX && average.CrimesPer1000Population is { } avgY && x.Length > 0)
        {
            // The quadrant lines span the points and their intervals, drawn as dashed lines named in the legend.
            var low = districts.Select(d => d.CrimesPer1000CiLow ?? d.CrimesPer1000Population ?? 0).Append(avgY).Min();
            var high = districts.Select(d => d.CrimesPer1000CiHigh ?? d.CrimesPer1000Population ?? 0).Append(avgY).Max();
            var left = x.Append(avgX).Min();
            var right = x.Append(avgX).Max();
            traces.Add(Chart.Line<double, double, string>([avgX, avgX], [low, high], Name: $"{filter.ForceAreaName} average spend per 1,000 residents (dashed)",
                LineColor: Color.fromHex(ChartStyle.Grey), LineDash: StyleParam.DrawingStyle.Dash));
            traces.Add(Chart.Line<double, double, string>([left, right], [avgY, avgY], Name: $"{filter.ForceAreaName} average crimes per 1,000 residents (dotted)",
                LineColor: Color.fromHex(ChartStyle.Orange), LineDash: StyleParam.DrawingStyle.Dot));
        }
        var chart = Plotly.NET.CSharp.Chart.Combine(traces)
            .WithXAxisStyle<double, double, string>(TitleText: "Pounds (£) spent per 1,000 residents")
            .WithYAxisStyle<double, double, string>(TitleText: "Recorded crimes per 1,000 residents a year")
            .WithLegendStyle(Orientation: StyleParam.Orientation.Horizontal, Y: -0.25, YAnchor: StyleParam.YAnchorPosition.Top);
        var rows = districts.Select(d => (IReadOnlyList<object?>)[d.DistrictName, Pounds(d.SpendPer1000Population), d.CrimesPer1000Population, d.CrimesPer1000CiLow, d.CrimesPer1000CiHigh]).ToList();
        rows.Add([$"{filter.ForceAreaName} average", Pounds(average.SpendPer1000Population), average.CrimesPer1000Population, null, null]);
        return new ChartPanel("spend-against-crime", $"Spend per resident against crime per resident, {filter.ForceAreaName}, {filter.Year}",
            $"Each point is a district. The lines cross at the {filter.ForceAreaName} average (the force area as a whole: its spend and its crimes a year over its residents; it counts every record its force published, so its districts add up to less): districts to the right spend more per resident than average, districts above have more crime per resident than average.",
            ChartStyle.FundingSource + "; " + ChartStyle.PoliceSource + "; " + ChartStyle.PopulationSource, chart,
            new DataTable(
                [
                    new("district", "District"), new("spent_per_1000_residents", "Spent per 1,000 residents", ColumnFormat.Money),
                    new("crimes_per_1000_residents", "Recorded crimes per 1,000 residents a year", ColumnFormat.Rate),
                    new("crimes_per_1000_ci_low", "95% interval, low", ColumnFormat.Rate), new("crimes_per_1000_ci_high", "95% interval, high", ColumnFormat.Rate),
                ],
                rows));
    }

    private static ChartPanel CrimeRates(ValidatedFilter filter, IReadOnlyList<DistrictValue> districts, ForceAreaValue average)
    {
        var ranked = districts.OrderBy(d => d.CrimesPer1000Population ?? 0).ToList();
        var names = ranked.Select(d => d.DistrictName).ToArray();
        var traces = new List<GenericChart>
        {
            WithIntervals(Chart.Point<string, double, string>(names, ranked.Select(d => d.CrimesPer1000Population ?? 0).ToArray(),
                Name: "Crimes per 1,000 residents, with 95% interval", MarkerColor: Color.fromHex(ChartStyle.Blue), MarkerSymbol: StyleParam.MarkerSymbol.Diamond), ranked),
        };
        if (average.CrimesPer1000Population is { } avgY && names.Length > 0)
            traces.Add(Chart.Line<string, double, string>([names[0], names[^1]], [avgY, avgY], Name: $"{filter.ForceAreaName} average (dotted)",
                LineColor: Color.fromHex(ChartStyle.Orange), LineDash: StyleParam.DrawingStyle.Dot));
        var chart = Plotly.NET.CSharp.Chart.Combine(traces)
            .WithXAxisStyle<string, string, string>(TitleText: "District, lowest rate first")
            .WithYAxisStyle<double, double, string>(TitleText: "Recorded crimes per 1,000 residents a year");
        return new ChartPanel("crime-rate-intervals", $"Recorded crime rate with its uncertainty, {filter.ForceAreaName}, {filter.Year}",
            "The bar through each point is the 95% interval: the range the district's underlying rate is likely to lie in, given chance variation in a count of crimes. Where two districts' intervals overlap, the difference between them may be chance.",
            ChartStyle.PoliceSource + "; " + ChartStyle.PopulationSource, chart,
            new DataTable(
                [
                    new("district", "District"), new("population", "Residents", ColumnFormat.Count), new("recorded_crimes", "Recorded crimes in the months covered", ColumnFormat.Count),
                    new("crimes_per_1000_residents", "Recorded crimes per 1,000 residents a year", ColumnFormat.Rate),
                    new("crimes_per_1000_ci_low", "95% interval, low", ColumnFormat.Rate), new("crimes_per_1000_ci_high", "95% interval, high", ColumnFormat.Rate),
                ],
                ranked.Select(d => (IReadOnlyList<object?>)[d.DistrictName, d.Population, d.RecordedCrimes, d.CrimesPer1000Population, d.CrimesPer1000CiLow, d.CrimesPer1000CiHigh]).ToList()));
    }

    /// <summary>
    /// Labels alternate left and right of their points, in order of crime rate, so that districts with the same spend per
    /// resident (lines shared by population give many the same) do not write over each other.
    /// </summary>
    private static StyleParam.TextPosition[] LabelSides(IReadOnlyList<DistrictValue> districts)
    {
        var rank = districts.Select((d, i) => (d, i)).OrderBy(p => p.d.CrimesPer1000Population ?? 0).Select((p, r) => (p.i, r)).ToDictionary(p => p.i, p => p.r);
        return districts.Select((_, i) => rank[i] % 2 == 0 ? StyleParam.TextPosition.MiddleRight : StyleParam.TextPosition.MiddleLeft).ToArray();
    }

    /// <summary>Vertical error bars from each district's 95% interval (Plotly wants distances from the point, not the ends).</summary>
    private static GenericChart WithIntervals(GenericChart chart, IReadOnlyList<DistrictValue> districts)
    {
        var above = districts.Select(d => Math.Max(0, (d.CrimesPer1000CiHigh ?? d.CrimesPer1000Population ?? 0) - (d.CrimesPer1000Population ?? 0))).ToArray();
        var below = districts.Select(d => Math.Max(0, (d.CrimesPer1000Population ?? 0) - (d.CrimesPer1000CiLow ?? d.CrimesPer1000Population ?? 0))).ToArray();
        var error = Error.init<double, double>(
            null, FSharpOption<StyleParam.ErrorType>.Some(StyleParam.ErrorType.Data), FSharpOption<bool>.Some(false),
            FSharpOption<IEnumerable<double>>.Some(above), FSharpOption<IEnumerable<double>>.Some(below),
            null, null, null, null, null, null, null, FSharpOption<Color>.Some(Color.fromHex(ChartStyle.Grey)), null, null);
        return Plotly.NET.Chart.withYError(error).Invoke(chart);
    }

    private static decimal? Pounds(double? value) => value is null || double.IsNaN(value.Value) ? null : Math.Round((decimal)value.Value, 2);
}
