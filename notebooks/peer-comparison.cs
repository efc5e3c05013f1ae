// Peer comparison: a force area against the other force areas with data, crime type by crime type, and each of its
// districts against its own ONS nearest statistical neighbours, with 95% intervals so that a gap can be told from chance.
// Run from the repository:  dotnet run notebooks/peer-comparison.cs -- --area E23000032 [--year 2025/26]
#:project Support/Analytics.Notebooks.csproj
#:package Microsoft.Data.Analysis
#:package Plotly.NET.CSharp
#:property PublishAot=false

using Analytics.Notebooks;
using Microsoft.Data.Analysis;
using Plotly.NET;
using Plotly.NET.CSharp;
using Chart = Plotly.NET.CSharp.Chart;

return Notebook.Run("peer-comparison", "Peer comparison",
    "Usage: dotnet run notebooks/peer-comparison.cs -- --area FORCE-AREA-CODE [--year YYYY/YY] [--warehouse DIR] [--out DIR]",
    ["area", "year"], args, notebook =>
{
    // The force areas with crime data: each is a valid choice.
    var profiles = notebook.Query("""
        SELECT area_type, area_code, area_name, force_area_code, financial_year, months_covered, population, recorded_crimes,
               recorded_crimes_per_1000, recorded_crimes_per_1000_ci_low, recorded_crimes_per_1000_ci_high,
               positive_outcome_rate, positive_outcome_rate_ci_low, positive_outcome_rate_ci_high,
               anti_social_behaviour_per_1000, anti_social_behaviour_per_1000_ci_low, anti_social_behaviour_per_1000_ci_high
        FROM marts.area_profile_by_year WHERE area_type IN ('force_area', 'district') AND recorded_crimes IS NOT NULL
        ORDER BY area_type DESC, area_code, financial_year
        """);
    var forceAreas = profiles.Where("area_type", "force_area");
    var choices = forceAreas.Select("area_code", "area_name").Rows.Select(row => $"{row[0]}  {row[1]}").Distinct().ToList();
    var area = notebook.Arguments.Required("area", () => "Choose a force area:\n  " + string.Join("\n  ", choices));
    var own = forceAreas.Where("area_code", area);
    if (own.Rows.Count == 0) throw NotebookException.UnknownChoice("force area", area, choices);
    var years = own.Values<string>("financial_year");
    var year = notebook.Arguments["year"] ?? years.Last();
    if (!years.Contains(year)) throw NotebookException.UnknownChoice($"financial year for {area}", year, years);
    var areaName = (string)own["area_name"][0];
    var inYear = profiles.Where("financial_year", year);

    notebook.Report.Paragraph($"{areaName} ({area}) in {year}: against the other force areas with data that year, and each of its districts against its nearest statistical neighbours.");
    notebook.Report.Paragraph("A force area counts every record its force published, located or not; a district, its own force's records located in it. "
        + "Partial years are rated per year from the months loaded (months_covered says how many); intervals are 95% (Byar for rates, Wilson for outcome rates).");
    notebook.Report.Source("marts.peer_groups, marts.area_profile_by_year, marts.crime_rates_by_area_year; data.police.uk street-level crime and outcomes (Open Government Licence v3.0); ONS mid-year population estimates; ONS statistical nearest neighbours");

    // 1. The force area among its peers (every other force area: no open list of the Home Office's most similar groups exists).
    notebook.Report.Heading("1. Force areas");
    var peers = notebook.Query("SELECT peer_code, peer_method FROM marts.peer_groups WHERE area_type = 'force_area' AND area_code = $area", new { area });
    if (peers.Rows.Count > 0) notebook.Report.Paragraph((string)peers["peer_method"][0] + ".");
    var peerCodes = peers.Values<string>("peer_code").Append(area).ToHashSet();
    var forces = inYear.Where("area_type", "force_area");
    forces = forces.Filter(new PrimitiveDataFrameColumn<bool>("is_peer", forces.Values<string>("area_code").Select(peerCodes.Contains))).OrderBy("recorded_crimes_per_1000");
    var forceNames = forces.Values<string>("area_name");
    var rate = forces.Values<double>("recorded_crimes_per_1000");
    notebook.Figure(Chart.Combine([
            ChartJson.WithIntervals(Chart.Point<string, double, string>(forceNames, rate, Name: "Recorded crime per 1,000 (95% interval)", MarkerColor: Color.fromHex(ChartJson.Colours[0])),
                rate, forces.Values<double>("recorded_crimes_per_1000_ci_low"), forces.Values<double>("recorded_crimes_per_1000_ci_high")),
            Chart.Point<string, double, string>(forceNames, forces.Values<double>("anti_social_behaviour_per_1000"), Name: "Anti-social behaviour per 1,000", MarkerColor: Color.fromHex(ChartJson.Colours[1])),
        ]).WithYAxisStyle<double, double, string>(TitleText: $"per 1,000 residents a year, {year}"),
        $"Recorded crime and anti-social behaviour per 1,000 residents by force area, {year}",
        forces.Select("area_code", "area_name", "months_covered", "population", "recorded_crimes", "recorded_crimes_per_1000", "recorded_crimes_per_1000_ci_low",
            "recorded_crimes_per_1000_ci_high", "positive_outcome_rate", "positive_outcome_rate_ci_low", "positive_outcome_rate_ci_high",
            "anti_social_behaviour_per_1000", "anti_social_behaviour_per_1000_ci_low", "anti_social_behaviour_per_1000_ci_high"), "force-areas.csv");

    // 2. Crime type by crime type: the force area's rate over the peers' average rate (1 = as the peers; above 1, more).
    notebook.Report.Heading("2. Which crimes set the force area apart");
    var types = notebook.Query("""
        SELECT area_code, crime_type, display_order, incidents, incidents_per_1000, incidents_per_1000_ci_low, incidents_per_1000_ci_high
        FROM marts.crime_rates_by_area_year WHERE area_type = 'force_area' AND financial_year = $year AND crime_type <> 'All recorded crime'
        """, new { year });
    var ownTypes = types.Where("area_code", area);
    var peerTypes = types.Filter(types["area_code"].ElementwiseNotEquals(area));
    if (peerTypes.Rows.Count == 0)
        notebook.Report.Paragraph($"No other force area has data for {year}, so there is nothing to compare the crime types with.");
    else
    {
        var peerMean = peerTypes.GroupBy<string>("crime_type").Mean("incidents_per_1000");
        peerMean.Columns["incidents_per_1000"].SetName("peer_average_per_1000");
        var mix = ownTypes.Select("crime_type", "display_order", "incidents", "incidents_per_1000", "incidents_per_1000_ci_low", "incidents_per_1000_ci_high")
            .Merge<string>(peerMean, "crime_type", "crime_type", "", "_peers");
        mix.Columns.Remove("crime_type_peers");
        mix.Columns.Add(mix["incidents_per_1000"].AsDouble().Divide(mix["peer_average_per_1000"].AsDouble()).AsDouble("ratio_to_peers"));
        mix = mix.OrderBy("ratio_to_peers");
        mix.Columns.Remove("display_order");
        notebook.Figure(Chart.Bar<double, string, string>(mix.Values<double>("ratio_to_peers"), mix.Values<string>("crime_type"), Name: $"{areaName} ÷ peers' average",
                MarkerColor: Color.fromHex(ChartJson.Colours[0])).WithXAxisStyle<double, double, string>(TitleText: "rate ÷ peers' average rate (1 = the same)"),
            $"{areaName}'s rate per 1,000 by crime type over the average of {peerTypes["area_code"].Cast<string>().Distinct().Count()} peer force areas, {year}", mix, "crime-types.csv");
    }

    // 3. Every district of the force area against its own nearest neighbours that have data: the peers' average, and
    //    whether the district's interval lies wholly above or below it.
    notebook.Report.Heading("3. Each district against its nearest neighbours");
    var districtPeers = notebook.Query("""
        SELECT area_code, peer_code FROM marts.peer_groups WHERE area_type = 'district' AND has_crime_data
        """);
    var districts = inYear.Where("area_type", "district").Where("force_area_code", area)
        .Select("area_code", "area_name", "recorded_crimes", "recorded_crimes_per_1000", "recorded_crimes_per_1000_ci_low", "recorded_crimes_per_1000_ci_high");
    var peerRates = inYear.Where("area_type", "district").Select("area_code", "recorded_crimes_per_1000");
    peerRates.Columns["area_code"].SetName("peer_code");
    peerRates.Columns["recorded_crimes_per_1000"].SetName("peer_per_1000");
    var withPeers = districtPeers.Merge<string>(peerRates, "peer_code", "peer_code", "", "_rate", JoinAlgorithm.Inner);
    var peerSummary = withPeers.GroupBy<string>("area_code").Mean("peer_per_1000");
    peerSummary.Columns["peer_per_1000"].SetName("peers_average_per_1000");
    var peerCount = withPeers.GroupBy<string>("area_code").Count("peer_per_1000");
    peerCount.Columns["peer_per_1000"].SetName("peers_with_data");
    peerSummary = peerSummary.Merge<string>(peerCount.Select("area_code", "peers_with_data"), "area_code", "area_code", "", "_n");
    peerSummary.Columns.Remove("area_code_n");
    var against = districts.Merge<string>(peerSummary, "area_code", "area_code", "", "_peers", JoinAlgorithm.Left);
    against.Columns.Remove("area_code_peers");
    against.Columns.Add(new StringDataFrameColumn("against_peers", against.Rows.Select(row =>
        row["peers_average_per_1000"] is not double average ? "no peers with data"
        : (double)row["recorded_crimes_per_1000_ci_low"] > average ? "higher (interval above the peers' average)"
        : (double)row["recorded_crimes_per_1000_ci_high"] < average ? "lower (interval below the peers' average)"
        : "no clear difference")));
    against = against.OrderBy("recorded_crimes_per_1000");
    var names = against.Values<string>("area_name");
    var own1000 = against.Values<double>("recorded_crimes_per_1000");
    notebook.Figure(Chart.Combine([
            ChartJson.WithIntervals(Chart.Point<string, double, string>(names, own1000, Name: "District (95% interval)", MarkerColor: Color.fromHex(ChartJson.Colours[0])),
                own1000, against.Values<double>("recorded_crimes_per_1000_ci_low"), against.Values<double>("recorded_crimes_per_1000_ci_high")),
            Chart.Point<string, double, string>(names, against.Values<double>("peers_average_per_1000", double.NaN), Name: "Its nearest neighbours' average",
                MarkerColor: Color.fromHex(ChartJson.Colours[1])),
        ]).WithYAxisStyle<double, double, string>(TitleText: $"recorded crimes per 1,000 residents, {year}"),
        $"Recorded crime per 1,000 residents, each district of {areaName} and the average of its nearest neighbours with data, {year}", against, "districts-against-peers.csv");
});
