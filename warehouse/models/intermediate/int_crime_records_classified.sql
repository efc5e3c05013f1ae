-- Each counted street record with what the marts count: whether it has a positive outcome, either as its last
-- published outcome or as any outcome event for the same Crime ID. Each row is one incident: core.fct_crime_records
-- holds a crime once per force and Crime ID, and an anti-social behaviour row is an incident of its own; so an
-- area's incidents are its rows, as every area counts one force's records. Also which district and partnership figures
-- count it, the one statement of that rule: a district or partnership counts its own force's records located in
-- it (records another force placed there count in that force's figures only); a force area counts every record
-- its force published, located or not.
WITH positive_by_event AS (
    SELECT DISTINCT events.crime_id
    FROM core.fct_outcome_events AS events
    JOIN core.dim_outcome AS outcome ON outcome.outcome_key = events.outcome_key
    WHERE outcome.is_positive AND intermediate.in_crime_scope(events.crime_id, events.source_file_id)
)
SELECT
    force.force_area_code,
    force.force_name,
    geography.district_code,
    geography.district_name AS current_district_name,
    geography.partnership_code,
    -- where the record lies, which may be outside the area of the force that published it
    geography.force_area_code AS located_force_area_code,
    CASE WHEN geography.force_area_code = force.force_area_code AND geography.district_code <> 'UNKNOWN'
         THEN geography.district_code END AS counted_district_code,
    CASE WHEN geography.force_area_code = force.force_area_code AND geography.partnership_code <> 'UNKNOWN'
         THEN geography.partnership_code END AS counted_partnership_code,
    records.month_key,
    crime_type.crime_type,
    crime_type.is_recorded_crime,
    last_outcome.is_positive OR positive_by_event.crime_id IS NOT NULL AS has_positive_outcome,
    records.source_file_id,
    records.source_line_number
FROM core.fct_crime_records AS records
JOIN core.dim_force AS force ON force.force_key = records.force_key
JOIN core.dim_geography AS geography ON geography.geography_key = records.geography_key
JOIN core.dim_crime_type AS crime_type ON crime_type.crime_type_key = records.crime_type_key
JOIN core.dim_outcome AS last_outcome ON last_outcome.outcome_key = records.last_outcome_key
LEFT JOIN positive_by_event ON positive_by_event.crime_id = records.crime_id
WHERE intermediate.in_crime_scope(records.crime_id, records.source_file_id)
