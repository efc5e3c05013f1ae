-- Every district code in use since 2011 with the code that is active today.
SELECT
    codes.file_id,
    upper(trim(codes.district_code)) AS district_code,
    codes.district_name,
    upper(trim(codes.active_code)) AS active_code,
    codes.active_name,
    codes.upper_tier_code,
    codes.upper_tier_name,
    upper(codes.is_current) = 'TRUE' AS is_current
FROM raw.district_codes AS codes
JOIN meta.source_files AS files ON files.file_id = codes.file_id
WHERE files.status = 'loaded'
