-- The plan status vocabulary (warehouse/seeds/plan_statuses.csv) for the pages: each status word with the label,
-- symbol and colour that show it and what it means, in the order a key lists them.
SELECT status, label, symbol, colour, meaning, CAST(display_order AS INTEGER) AS display_order
FROM seeds.plan_statuses
ORDER BY display_order
