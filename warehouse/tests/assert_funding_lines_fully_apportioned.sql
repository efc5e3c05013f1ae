-- model: intermediate.int_funding_lines_apportioned
-- No money is lost between a funding return and the districts: every line's amounts are shared out in full,
-- to the penny. A line whose area no loaded lookup places any district in fails here.
SELECT lines.file_id, lines.line_number, lines.area_codes, lines.allocated, coalesce(sum(parts.allocated), 0) AS apportioned
FROM staging.stg_funding__returns AS lines
LEFT JOIN intermediate.int_funding_lines_apportioned AS parts
       ON parts.return_line_key = lines.file_id || ':' || lines.line_number
GROUP BY ALL
HAVING coalesce(sum(parts.allocated), 0) <> lines.allocated
    OR coalesce(sum(parts.spent), 0) <> coalesce(lines.spent, 0)
