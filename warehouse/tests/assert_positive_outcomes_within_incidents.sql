-- model: marts.crime_by_district_month
-- A positive outcome belongs to a counted crime: never more positive outcomes than incidents, and none for
-- anti-social behaviour.
SELECT force_code, district_code, month, crime_type, incidents, positive_outcomes
FROM marts.crime_by_district_month
WHERE positive_outcomes > incidents
   OR (crime_type = 'Anti-social behaviour' AND positive_outcomes > 0)
