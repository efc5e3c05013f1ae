// District profile for the annual strategic assessment: one district's recorded crime, anti-social behaviour,
// positive outcomes, spend and cost per result, against its force area and its nearest statistical neighbours,
// with its trend month by month and 95% intervals on every rate.
// Run from the repository:  dotnet run notebooks/district-profile.cs -- --district E07000105 [--year 2025/26]
#:project Support/Analytics.Notebooks.csproj
#:package Microsoft.Data.Analysis
#:package Plotly.NET.CSharp
#:property PublishAot=false

using Analytics.Notebooks;
using Microsoft.Data.Analysis;
using Plotly.NET;
using Plotly.NET.CSharp;
using Chart = Plotly.NET.CSharp.Chart;

return Notebook.Run("district-profile", "District profile",
    "Usage: dotnet run notebooks/district-profile.cs -- --district CODE [--year YYYY/YY] [--warehouse DIR] [--out DIR]",
    ["district", "year"], args, notebook =>
{
    // Every district with crime data or spend is a valid choice; a wrong code lists them all.
    var districts = notebook.Query("""
        SELECT DISTINCT area_code, area_name, force_area_code FROM marts.area_profile_by_year
        WHERE area_type = 'district' ORDER BY area_code
        """);
    var choices = districts.Rows.Select(row => $"{row["area_code"]}  {row["area_name"]}").ToList();
    var code = notebook.Arguments.Required("district", () => "Choose a district code, e.g. E07000105 (Ashford).");
    var district = districts.Where("area_code", code);
    if (district.Rows.Count == 0) throw NotebookException.UnknownChoice("district", code, choices);
    var name = (string)district["area_name"][0];
    var forceArea = (string)district["force_area_code"][0];

    // The district's profile, year by year: the one definition of its rates (marts.area_profile_by_year).
    var profile = notebook.Query("""
        SELECT area_type, area_code, area_name, financial_year, months_covered, is_partial_year, population, population_estimate,
               recorded_crimes, recorded_crimes_per_1000, recorded_crimes_per_1000_ci_low, recorded_crimes_per_1000_ci_high,
               positive_outcomes, positive_outcome_rate, positive_outcome_rate_ci_low, positive_outcome_rate_ci_high,
               anti_social_behaviour, anti_social_behaviour_per_1000, anti_social_behaviour_per_1000_ci_low, anti_social_behaviour_per_1000_ci_high,
               spent, spend_per_1000_population
        FROM marts.area_profile_by_year
        WHERE (area_type = 'district' AND area_code = $code) OR (area_type = 'force_area' AND area_code = $force_area)
        ORDER BY financial_year, area_type
        """, new { code, force_area = forceArea });
    var years = profile.Where("area_code", code).Values<string>("financial_year");
    var year = notebook.Arguments["year"] ?? years.Last();
    if (!years.Contains(year)) throw NotebookException.UnknownChoice($"financial year for {name}", year, years);
    var thisYear = profile.Where("financial_year", year);
    var forceName = (string)thisYear.Where("area_code", forceArea)["area_name"][0];
    var months = (long)thisYear.Where("area_code", code)["months_covered"][0];

    notebook.Report.Paragraph($"{name} ({code}), {year}, against {forceName} force area and the district's ONS nearest statistical neighbours."
        + (months < 12 ? $" {year} has {months} months of police data: rates are per year, scaled from the months loaded." : ""));
    notebook.Report.Paragraph("A district counts its own force's records located in it; the force area counts every record its force published, "
        + "located or not, so the districts add up to less than the force area. Rates are per 1,000 residents a year with 95% intervals "
        + "(Byar for counts, Wilson for the positive outcome rate).");
    notebook.Report.Source("marts.area_profile_by_year, marts.crime_rates_by_area_year, marts.crime_by_area_month, marts.peer_groups, marts.value_for_money");
    notebook.Report.Source("data.police.uk street-level crime and outcomes (Open Government Licence v3.0); ONS mid-year population estimates; funding returns (figures marked illustrative are not published)");

    // 1. The headline: the district beside its force area. The interval says whether a gap is more than chance.
    notebook.Report.Heading($"1. {name} against {forceName}");
    var rates = new (string Label, string Column)[]
    {
        ("Recorded crime per 1,000", "recorded_crimes_per_1000"),
        ("Anti-social behaviour per 1,000", "anti_social_behaviour_per_1000"),
    };
    var headline = thisYear.Select("area_type", "area_name", "months_covered", "population", "population_estimate",
        "recorded_crimes", "recorded_crimes_per_1000", "recorded_crimes_per_1000_ci_low", "recorded_crimes_per_1000_ci_high",
        "positive_outcomes", "positive_outcome_rate", "positive_outcome_rate_ci_low", "positive_outcome_rate_ci_high",
        "anti_social_behaviour", "anti_social_behaviour_per_1000", "anti_social_behaviour_per_1000_ci_low", "anti_social_behaviour_per_1000_ci_high",
        "spent", "spend_per_1000_population");
    var headlineChart = Chart.Combine(thisYear.Rows.Select((row, i) =>
    {
        var area = thisYear.Rows[i];
        var values = rates.Select(rate => Convert.ToDouble(area[rate.Column] ?? 0.0)).ToArray();
        return ChartJson.WithIntervals(
            Chart.Column<double, string, string>(values, rates.Select(rate => rate.Label).ToArray(), Name: (string)area["area_name"],
                MarkerColor: Color.fromHex(ChartJson.Colours[i])),
            values, rates.Select(rate => Convert.ToDouble(area[rate.Column + "_ci_low"] ?? 0.0)).ToArray(),
            rates.Select(rate => Convert.ToDouble(area[rate.Column + "_ci_high"] ?? 0.0)).ToArray());
    })).WithYAxisStyle<double, double, string>(TitleText: "per 1,000 residents a year");
    notebook.Figure(headlineChart, $"Crime and anti-social behaviour per 1,000 residents, {name} and {forceName}, {year}, with 95% intervals", headline, "headline.csv");

    // 2. Which crimes make the difference: each type's rate in the district over the force area's (1 = the same).
    notebook.Report.Heading("2. Crime types: where the district differs from its force area");
    var byType = notebook.Query("""
        SELECT area_type, crime_type, display_order, incidents, incidents_per_1000, incidents_per_1000_ci_low, incidents_per_1000_ci_high, is_small_count
        FROM marts.crime_rates_by_area_year
        WHERE financial_year = $year AND crime_type <> 'All recorded crime'
          AND ((area_type = 'district' AND area_code = $code) OR (area_type = 'force_area' AND area_code = $force_area))
        """, new { year, code, force_area = forceArea });
    var types = byType.Where("area_type", "district").Select("crime_type", "display_order", "incidents", "incidents_per_1000",
            "incidents_per_1000_ci_low", "incidents_per_1000_ci_high", "is_small_count")
        .Merge<string>(byType.Where("area_type", "force_area").Select("crime_type", "incidents_per_1000"), "crime_type", "crime_type", "", "_force_area");
    types.Columns.Remove("crime_type_force_area");
    types.Columns.Add(types["incidents_per_1000"].AsDouble().Divide(types["incidents_per_1000_force_area"].AsDouble()).AsDouble("ratio_to_force_area"));
    types = types.OrderBy("display_order");
    types.Columns.Remove("display_order");
    var typeNames = types.Values<string>("crime_type");
    var typeRates = types.Values<double>("incidents_per_1000");
    var typeChart = Chart.Combine([
        ChartJson.WithIntervals(Chart.Bar<double, string, string>(typeRates, typeNames, Name: name, MarkerColor: Color.fromHex(ChartJson.Colours[0])),
            typeRates, types.Values<double>("incidents_per_1000_ci_low"), types.Values<double>("incidents_per_1000_ci_high")),
        Chart.Point<double, string, string>(types.Values<double>("incidents_per_1000_force_area"), typeNames, Name: forceName,
            MarkerColor: Color.fromHex(ChartJson.Colours[1])),
    ]).WithXAxisStyle<double, double, string>(TitleText: "per 1,000 residents a year");
    notebook.Figure(typeChart, $"Rate per 1,000 residents by crime type, {name} (bars, 95% interval) and {forceName} (points), {year}", types, "crime-types.csv");

    // 3. The trend month by month, recorded crime apart from anti-social behaviour (which is not a crime).
    notebook.Report.Heading("3. Month by month");
    var monthly = notebook.Query("""
        SELECT month, CASE WHEN is_recorded_crime THEN 'recorded_crimes' ELSE 'anti_social_behaviour' END AS measure, incidents, positive_outcomes
        FROM marts.crime_by_area_month WHERE area_type = 'district' AND area_code = $code
        """, new { code });
    var recorded = monthly.Where("measure", "recorded_crimes").GroupBy<DateTime>("month").Sum("incidents", "positive_outcomes").OrderBy("month");
    var asb = monthly.Where("measure", "anti_social_behaviour").GroupBy<DateTime>("month").Sum("incidents").OrderBy("month");
    recorded.Columns["incidents"].SetName("recorded_crimes");
    asb.Columns["incidents"].SetName("anti_social_behaviour");
    var trend = recorded.Merge<DateTime>(asb, "month", "month", "", "_asb", JoinAlgorithm.FullOuter);
    trend.Columns.Remove("month_asb");
    var trendChart = Chart.Combine([
        Chart.Line<DateTime, long, string>(trend.Values<DateTime>("month"), trend.Values<long>("recorded_crimes"), Name: "Recorded crime", ShowMarkers: true,
            LineColor: Color.fromHex(ChartJson.Colours[0])),
        Chart.Line<DateTime, long, string>(trend.Values<DateTime>("month"), trend.Values<long>("positive_outcomes"), Name: "Crimes with a positive outcome", ShowMarkers: true,
            LineColor: Color.fromHex(ChartJson.Colours[2])),
        Chart.Line<DateTime, long, string>(trend.Values<DateTime>("month"), trend.Values<long>("anti_social_behaviour"), Name: "Anti-social behaviour (not recorded crime)", ShowMarkers: true,
            LineColor: Color.fromHex(ChartJson.Colours[1]), LineDash: StyleParam.DrawingStyle.Dash),
    ]).WithYAxisStyle<double, double, string>(TitleText: "incidents a month");
    notebook.Figure(trendChart, $"Recorded crime, positive outcomes and anti-social behaviour a month, {name}, every month loaded (gaps are months not loaded)", trend, "monthly.csv");

    // 4. Nearest neighbours: districts most like this one (ONS), where their force's data is loaded.
    notebook.Report.Heading("4. Against its nearest statistical neighbours");
    var peers = notebook.Query("""
        SELECT p.peer_rank, p.peer_code, p.peer_name, p.relative_distance, p.has_crime_data, p.peer_method
        FROM marts.peer_groups AS p WHERE p.area_type = 'district' AND p.area_code = $code ORDER BY p.peer_rank
        """, new { code });
    if (peers.Rows.Count == 0)
        notebook.Report.Paragraph($"{name} has no nearest neighbours in marts.peer_groups (ONS publishes them for English districts only).");
    else
    {
        notebook.Report.Paragraph((string)peers["peer_method"][0] + ". Peers whose force's data is not loaded have no figures.");
        var peerRates = notebook.Query("""
            SELECT area_code AS peer_code, recorded_crimes_per_1000, recorded_crimes_per_1000_ci_low, recorded_crimes_per_1000_ci_high,
                   positive_outcome_rate, anti_social_behaviour_per_1000, months_covered
            FROM marts.area_profile_by_year WHERE area_type = 'district' AND financial_year = $year
            """, new { year });
        var compared = peers.Select("peer_rank", "peer_code", "peer_name", "relative_distance", "has_crime_data")
            .Merge<string>(peerRates, "peer_code", "peer_code", "", "_rates", JoinAlgorithm.Left);
        compared.Columns.Remove("peer_code_rates");
        var self = thisYear.Where("area_code", code);
        var shown = compared.Filter(compared["recorded_crimes_per_1000"].ElementwiseIsNotNull());
        var labels = new[] { name + " (this district)" }.Concat(shown.Values<string>("peer_name")).ToArray();
        var values = new[] { Convert.ToDouble(self["recorded_crimes_per_1000"][0]) }.Concat(shown.Values<double>("recorded_crimes_per_1000")).ToArray();
        var low = new[] { Convert.ToDouble(self["recorded_crimes_per_1000_ci_low"][0]) }.Concat(shown.Values<double>("recorded_crimes_per_1000_ci_low")).ToArray();
        var high = new[] { Convert.ToDouble(self["recorded_crimes_per_1000_ci_high"][0]) }.Concat(shown.Values<double>("recorded_crimes_per_1000_ci_high")).ToArray();
        var peerChart = ChartJson.WithIntervals(
            Chart.Point<string, double, string>(labels, values, Name: "Recorded crime per 1,000 (95% interval)", MarkerColor: Color.fromHex(ChartJson.Colours[0])),
            values, low, high).WithYAxisStyle<double, double, string>(TitleText: $"recorded crimes per 1,000 residents, {year}");
        notebook.Figure(peerChart, $"Recorded crime per 1,000 residents, {name} and its nearest neighbours with data, {year}", compared, "peers.csv");
    }

    // 5. Money: what was spent in the district and what each result cost, every year, and where that sits in the force area.
    notebook.Report.Heading("5. Spend and cost per result");
    var money = notebook.Query("""
        SELECT financial_year, district_code, district_name, months_covered, recorded_crimes, positive_outcomes, spent,
               spend_per_1000_population, spend_per_crime, spend_per_positive_outcome
        FROM marts.value_for_money WHERE force_area_code = $force_area ORDER BY financial_year, district_name
        """, new { force_area = forceArea });
    var own = money.Where("district_code", code);
    notebook.Table(own, $"Spend and cost per result, {name}, every year (partial years' crimes scaled to twelve months before dividing)", "money.csv");
    var inYear = money.Where("financial_year", year).OrderBy("spend_per_crime");
    var isThis = inYear["district_code"].ElementwiseEquals(code);
    var others = inYear.Filter(isThis.ElementwiseEquals(false));
    var mine = inYear.Filter(isThis);
    var moneyChart = Chart.Combine([
        Chart.Bar<double, string, string>(others.Values<double>("spend_per_crime"), others.Values<string>("district_name"), Name: "Other districts", MarkerColor: Color.fromHex(ChartJson.Colours[4])),
        Chart.Bar<double, string, string>(mine.Values<double>("spend_per_crime"), mine.Values<string>("district_name"), Name: name, MarkerColor: Color.fromHex(ChartJson.Colours[0])),
    ]).WithXAxisStyle<double, double, string>(TitleText: "pounds spent per recorded crime");
    notebook.Figure(moneyChart, $"Spend per recorded crime, every district of {forceName}, {year}", inYear, "money-in-force-area.csv");
});
