-- Community Safety Partnerships of the newest district-CSP-PFA lookup, with their police force area, how many
-- districts they cover, and whether one of those districts is split with another partnership.
SELECT
    bridge.partnership_code,
    coalesce(names.area_name, bridge.partnership_code) AS partnership_name,
    any_value(bridge.force_area_code) AS force_area_code,
    any_value(district.force_area_name) AS force_area_name,
    count(*) AS districts,
    bool_or(bridge.is_split_district) AS includes_split_district,
    string_agg(district.district_name || ': ' || bridge.assignment_rule, '; ' ORDER BY district.district_name)
        FILTER (WHERE bridge.is_split_district) AS split_rule
FROM intermediate.int_district_partnerships AS bridge
JOIN core.dim_district AS district ON district.district_code = bridge.district_code AND district.is_current
LEFT JOIN (SELECT area_code, any_value(area_name) AS area_name FROM staging.stg_ons__area_names
           WHERE area_type = 'partnership' GROUP BY area_code) AS names ON names.area_code = bridge.partnership_code
GROUP BY bridge.partnership_code, names.area_name
UNION ALL
SELECT 'UNKNOWN', 'Unknown partnership', 'UNKNOWN', 'Unknown force area', 0, false, NULL
