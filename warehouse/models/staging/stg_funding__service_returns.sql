-- Commissioned service return figures of current files, typed.
SELECT
    returns.file_id,
    returns.line_number,
    trim(returns.provider) AS provider,
    trim(returns.commissioned_service) AS commissioned_service,
    trim(returns.financial_year) AS financial_year,
    upper(trim(returns.financial_quarter)) AS financial_quarter,
    lower(regexp_replace(trim(returns.measure), '[\s-]+', '_', 'g')) AS measure,
    CAST(trim(returns.value) AS BIGINT) AS value,
    lower(trim(returns.source)) AS source,
    returns.notes
FROM raw.service_returns AS returns
JOIN meta.source_files AS files ON files.file_id = returns.file_id
WHERE files.status = 'loaded'
