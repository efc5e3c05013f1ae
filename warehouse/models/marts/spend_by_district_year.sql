-- Money by financial year and district, one row per funding return line and district it serves, so that any
-- total can be made by grouping; apportioned rows say so and by what rule.
SELECT
    lines.financial_year,
    lines.district_code,
    district.district_name,
    district.force_area_code,
    lines.funder,
    lines.funding_stream,
    lines.commissioning_model,
    lines.budget_arrangement,
    lines.allocated,
    lines.spent,
    lines.recipient,
    lines.recipient_type,
    lines.commissioned_service,
    lines.source,
    lines.source_url,
    lines.is_apportioned,
    lines.apportioned_share,
    lines.apportionment_rule,
    lines.return_line_key,
    lines.source_path,
    lines.source_line
FROM intermediate.int_funding_lines_apportioned AS lines
JOIN core.dim_district AS district ON district.district_code = lines.district_code AND district.is_current
ORDER BY lines.financial_year, lines.district_code, lines.funder, lines.funding_stream, lines.return_line_key
