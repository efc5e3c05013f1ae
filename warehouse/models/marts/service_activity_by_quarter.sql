-- What commissioned services report doing, by financial quarter.
SELECT financial_year, financial_quarter, financial_year || ' ' || financial_quarter AS period,
       provider, commissioned_service, measure, value, source
FROM staging.stg_funding__service_returns
ORDER BY financial_year, financial_quarter, provider, commissioned_service, measure
