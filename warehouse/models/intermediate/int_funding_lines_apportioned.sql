-- Each funding return line spread over the districts it serves. A line for one district keeps its amounts; a
-- line for several districts, or a whole force area, is apportioned by population share (the ONS estimate for
-- that financial year), to the penny, so the parts add up exactly to the line.
WITH lines AS (
    SELECT *, file_id || ':' || line_number AS return_line_key FROM staging.stg_funding__returns
),
area_codes AS (
    SELECT return_line_key, financial_year, unnest(area_codes) AS area_code FROM lines
),
served AS (
    SELECT DISTINCT area_codes.return_line_key, area_codes.financial_year, district.district_code
    FROM area_codes
    LEFT JOIN intermediate.int_district_codes_mapped AS mapped ON mapped.district_code = area_codes.area_code
    JOIN core.dim_district AS district
      ON district.is_current AND district.district_code <> 'UNKNOWN'
     AND (district.district_code = coalesce(mapped.active_code, area_codes.area_code) OR district.force_area_code = area_codes.area_code)
),
weighted AS (
    SELECT served.return_line_key, served.district_code,
           coalesce(population.population, 0) AS population, population.estimate_source
    FROM served
    LEFT JOIN intermediate.int_population_by_financial_year AS population
      ON population.district_code = served.district_code AND population.financial_year = served.financial_year
),
split AS (
    SELECT weighted.return_line_key,
           count(*) AS districts_served,
           any_value(weighted.estimate_source) AS estimate_source,
           list(weighted.district_code ORDER BY weighted.district_code) AS district_codes,
           list(weighted.population ORDER BY weighted.district_code) AS populations,
           sum(weighted.population) AS total_population,
           intermediate.split_to_pence(any_value(lines.allocated), list(weighted.population ORDER BY weighted.district_code)) AS allocated_parts,
           CASE WHEN any_value(lines.spent) IS NOT NULL
                THEN intermediate.split_to_pence(any_value(lines.spent), list(weighted.population ORDER BY weighted.district_code)) END AS spent_parts
    FROM weighted
    JOIN lines ON lines.return_line_key = weighted.return_line_key
    GROUP BY weighted.return_line_key
),
parts AS (
    SELECT return_line_key, districts_served, estimate_source, total_population,
           unnest(district_codes) AS district_code,
           unnest(populations) AS population,
           unnest(allocated_parts) AS allocated,
           unnest(coalesce(spent_parts, list_transform(district_codes, code -> CAST(NULL AS DECIMAL(18, 2))))) AS spent
    FROM split
)
SELECT
    lines.return_line_key,
    lines.source_path,
    lines.line_number AS source_line,
    lines.financial_year,
    parts.district_code,
    lines.funder,
    lines.funding_stream,
    lines.recipient,
    lines.recipient_type,
    lines.commissioned_service,
    lines.commissioning_model,
    lines.budget_arrangement,
    lines.source,
    lines.source_url,
    lines.allocated AS line_allocated,
    lines.spent AS line_spent,
    parts.allocated,
    parts.spent,
    parts.districts_served > 1 AS is_apportioned,
    CASE WHEN parts.districts_served = 1 THEN 1.0 ELSE parts.population / nullif(parts.total_population, 0) END AS apportioned_share,
    CASE WHEN parts.districts_served = 1 THEN 'whole line: it serves one district'
         ELSE 'population share of the ' || parts.districts_served || ' districts served (' || coalesce(parts.estimate_source, 'no estimate: split equally') || ')'
    END AS apportionment_rule
FROM parts
JOIN lines ON lines.return_line_key = parts.return_line_key
