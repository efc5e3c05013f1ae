-- Funding return lines of current files, typed: amounts in pounds and pence, vocabulary normalised,
-- the area served as a list of codes.
SELECT
    returns.file_id,
    returns.line_number,
    files.source_path,
    trim(returns.financial_year) AS financial_year,
    trim(returns.funder) AS funder,
    trim(returns.funding_stream) AS funding_stream,
    trim(returns.recipient) AS recipient,
    lower(regexp_replace(trim(returns.recipient_type), '[\s-]+', '_', 'g')) AS recipient_type,
    coalesce(nullif(trim(returns.commissioned_service), ''), trim(returns.funding_stream)) AS commissioned_service,
    list_filter(list_transform(string_split(returns.area_served, ';'), code -> upper(trim(code))), code -> code <> '') AS area_codes,
    lower(regexp_replace(trim(returns.commissioning_model), '[\s-]+', '_', 'g')) AS commissioning_model,
    lower(regexp_replace(trim(returns.budget_arrangement), '[\s-]+', '_', 'g')) AS budget_arrangement,
    coalesce(TRY_CAST(replace(replace(trim(returns.amount_allocated), ',', ''), '£', '') AS DECIMAL(18, 2)), 0) AS allocated,
    TRY_CAST(replace(replace(trim(returns.amount_spent), ',', ''), '£', '') AS DECIMAL(18, 2)) AS spent,
    lower(trim(returns.source)) AS source,
    returns.source_url,
    returns.notes
FROM raw.funding_returns AS returns
JOIN meta.source_files AS files ON files.file_id = returns.file_id
WHERE files.status = 'loaded'
