-- model: staging.stg_funding__returns
-- Money is counted once: no return line (year, funder, stream, recipient, service and area) is current twice,
-- whether from one return or from two (a return saved again as .xlsx or as -v2.csv must replace the first).
SELECT financial_year, lower(funder) AS funder, lower(funding_stream) AS funding_stream, lower(recipient) AS recipient,
       lower(commissioned_service) AS commissioned_service, list_sort(area_codes) AS area_codes,
       count(*) AS current_lines, sum(allocated) AS allocated_in_total,
       string_agg(source_path || ', line ' || line_number, '; ' ORDER BY file_id, line_number) AS counted_from
FROM staging.stg_funding__returns
GROUP BY ALL
HAVING count(*) > 1
