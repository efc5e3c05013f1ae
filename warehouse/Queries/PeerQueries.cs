using Dapper;
using DuckDB.NET.Data;

namespace Analytics.Warehouse.Queries;

/// <summary>
/// One area's figures for a financial year, as marts.area_profile_by_year has them, with the rate of one crime type
/// from marts.crime_rates_by_area_year when one is chosen (null otherwise). Nothing is recomputed here.
/// </summary>
public sealed record PeerFigures(
    string AreaCode, string AreaName, string ForceAreaCode, int MonthsCovered, bool IsPartialYear, long? Population, string? PopulationEstimate,
    long? RecordedCrimes, double? RecordedCrimesPer1000, double? RecordedCrimesPer1000CiLow, double? RecordedCrimesPer1000CiHigh,
    long? PositiveOutcomes, double? PositiveOutcomeRate, double? PositiveOutcomeRateCiLow, double? PositiveOutcomeRateCiHigh,
    long? AntiSocialBehaviour, double? AntiSocialBehaviourPer1000, double? AntiSocialBehaviourPer1000CiLow, double? AntiSocialBehaviourPer1000CiHigh,
    bool HasSpend, decimal? Spent, double? SpendPer1000,
    bool? CrimeTypeIsRecordedCrime, long? CrimeTypeIncidents, double? CrimeTypePer1000, double? CrimeTypePer1000CiLow, double? CrimeTypePer1000CiHigh);

/// <summary>One peer of one area (marts.peer_groups): a district's ONS nearest neighbour, or another force area.</summary>
public sealed record PeerLink(
    string AreaCode, int PeerRank, string PeerCode, string PeerName, string? PeerForceAreaCode, double? RelativeDistance, bool HasCrimeData, string PeerMethod);

/// <summary>A district of the chosen force area with data in the chosen year.</summary>
public sealed record PeerDistrict(string Code, string Name);

/// <summary>
/// Everything the peers page shows for a force area, a financial year, an optional crime type and a district:
/// the force area beside every other force area, and the district beside its ONS nearest neighbours.
/// </summary>
/// <param name="ForceAreas">Every force area with figures for the year, the chosen one included.</param>
/// <param name="ForceAreaPeers">Every other force area of England and Wales, whether its police data is loaded or not.</param>
/// <param name="DistrictPeers">Every district of the force area with its first ten neighbours, in rank order.</param>
/// <param name="District">The district compared with its neighbours: the one asked for, or the first of the force area.</param>
/// <param name="DistrictComparison">Figures for the district and those of its neighbours that have any for the year.</param>
public sealed record PeerComparison(
    string ForceArea, string Year, string? CrimeType,
    IReadOnlyList<PeerFigures> ForceAreas, IReadOnlyList<PeerLink> ForceAreaPeers,
    IReadOnlyList<PeerDistrict> Districts, IReadOnlyList<PeerLink> DistrictPeers,
    PeerDistrict? District, IReadOnlyList<PeerFigures> DistrictComparison)
{
    public string ForceAreaName => ForceAreas.FirstOrDefault(a => a.AreaCode == ForceArea)?.AreaName ?? ForceArea;

    public IEnumerable<PeerLink> NeighboursOf(string district) => DistrictPeers.Where(peer => peer.AreaCode == district);
}

/// <summary>The peers page's figures, read from marts.area_profile_by_year, marts.crime_rates_by_area_year and marts.peer_groups.</summary>
public sealed class PeerQueries(IWarehouseReader reader)
{
    // The chosen crime type's row joins on its own; with no crime type the join finds nothing and its columns are null.
    private const string Figures = """
        SELECT profile.area_code AS AreaCode, profile.area_name AS AreaName, profile.force_area_code AS ForceAreaCode,
               CAST(profile.months_covered AS INTEGER) AS MonthsCovered, profile.is_partial_year AS IsPartialYear,
               CAST(profile.population AS BIGINT) AS Population, profile.population_estimate AS PopulationEstimate,
               CAST(profile.recorded_crimes AS BIGINT) AS RecordedCrimes, CAST(profile.recorded_crimes_per_1000 AS DOUBLE) AS RecordedCrimesPer1000,
               CAST(profile.recorded_crimes_per_1000_ci_low AS DOUBLE) AS RecordedCrimesPer1000CiLow,
               CAST(profile.recorded_crimes_per_1000_ci_high AS DOUBLE) AS RecordedCrimesPer1000CiHigh,
               CAST(profile.positive_outcomes AS BIGINT) AS PositiveOutcomes, CAST(profile.positive_outcome_rate AS DOUBLE) AS PositiveOutcomeRate,
               CAST(profile.positive_outcome_rate_ci_low AS DOUBLE) AS PositiveOutcomeRateCiLow,
               CAST(profile.positive_outcome_rate_ci_high AS DOUBLE) AS PositiveOutcomeRateCiHigh,
               CAST(profile.anti_social_behaviour AS BIGINT) AS AntiSocialBehaviour,
               CAST(profile.anti_social_behaviour_per_1000 AS DOUBLE) AS AntiSocialBehaviourPer1000,
               CAST(profile.anti_social_behaviour_per_1000_ci_low AS DOUBLE) AS AntiSocialBehaviourPer1000CiLow,
               CAST(profile.anti_social_behaviour_per_1000_ci_high AS DOUBLE) AS AntiSocialBehaviourPer1000CiHigh,
               profile.has_spend AS HasSpend, CAST(profile.spent AS DECIMAL(18, 2)) AS Spent,
               CAST(profile.spend_per_1000_population AS DOUBLE) AS SpendPer1000,
               chosen.is_recorded_crime AS CrimeTypeIsRecordedCrime, CAST(chosen.incidents AS BIGINT) AS CrimeTypeIncidents, CAST(chosen.incidents_per_1000 AS DOUBLE) AS CrimeTypePer1000,
               CAST(chosen.incidents_per_1000_ci_low AS DOUBLE) AS CrimeTypePer1000CiLow,
               CAST(chosen.incidents_per_1000_ci_high AS DOUBLE) AS CrimeTypePer1000CiHigh
        FROM marts.area_profile_by_year AS profile
        LEFT JOIN marts.crime_rates_by_area_year AS chosen
               ON chosen.area_type = profile.area_type AND chosen.area_code = profile.area_code
              AND chosen.financial_year = profile.financial_year AND chosen.crime_type = $crime_type
        WHERE profile.financial_year = $year
        """;

    private const string Links = """
        SELECT area_code AS AreaCode, CAST(peer_rank AS INTEGER) AS PeerRank, peer_code AS PeerCode, peer_name AS PeerName,
               peer_force_area_code AS PeerForceAreaCode, CAST(relative_distance AS DOUBLE) AS RelativeDistance,
               has_crime_data AS HasCrimeData, peer_method AS PeerMethod
        FROM marts.peer_groups
        """;

    /// <param name="district">The district asked for; null (or one not of the force area) compares the force area's first district.</param>
    public PeerComparison Comparison(string forceArea, string year, string? crimeType, string? district)
    {
        using var connection = reader.Open();
        var forceAreas = connection.Query<PeerFigures>(Figures + " AND profile.area_type = 'force_area' ORDER BY profile.area_name",
            new { year, crime_type = crimeType }).ToList();
        var forceAreaPeers = connection.Query<PeerLink>(Links + " WHERE area_type = 'force_area' AND area_code = $force_area ORDER BY peer_rank",
            new { force_area = forceArea }).ToList();
        var districts = connection.Query<PeerDistrict>("""
            SELECT area_code AS Code, area_name AS Name FROM marts.area_profile_by_year
            WHERE area_type = 'district' AND force_area_code = $force_area AND financial_year = $year
            ORDER BY area_name, area_code
            """, new { force_area = forceArea, year }).ToList();
        var districtPeers = connection.Query<PeerLink>(Links + """
             WHERE area_type = 'district' AND area_code IN (
                SELECT area_code FROM marts.area_profile_by_year
                WHERE area_type = 'district' AND force_area_code = $force_area AND financial_year = $year)
            ORDER BY area_code, peer_rank
            """, new { force_area = forceArea, year }).ToList();
        var chosen = districts.FirstOrDefault(d => d.Code == district) ?? districts.FirstOrDefault();
        return new PeerComparison(forceArea, year, crimeType, forceAreas, forceAreaPeers, districts, districtPeers, chosen,
            chosen is null ? [] : DistrictComparison(connection, chosen.Code, year, crimeType));
    }

    private static List<PeerFigures> DistrictComparison(DuckDBConnection connection, string district, string year, string? crimeType) =>
        connection.Query<PeerFigures>(Figures + """
             AND profile.area_type = 'district'
             AND (profile.area_code = $district OR profile.area_code IN (
                SELECT peer_code FROM marts.peer_groups WHERE area_type = 'district' AND area_code = $district))
            ORDER BY profile.area_name
            """, new { year, crime_type = crimeType, district }).ToList();
}
