-- The published crime types; anti-social behaviour is an incident type, not recorded crime.
SELECT crime_type_key, crime_type, is_recorded_crime, display_order
FROM seeds.crime_types
UNION ALL
SELECT 'unknown', 'Unknown crime type', false, 999
