-- Splits an amount of money by a list of weights into a list of amounts that add up to the total exactly,
-- to the penny: each part is rounded down to whole pence and the pence left over go, one each, to the parts
-- with the largest remainders (ties to the earlier part). Weights that sum to zero split equally.
CREATE OR REPLACE MACRO intermediate.split_to_pence(total, weights) AS (
    SELECT list(CAST(pence / 100.0 AS DECIMAL(18, 2)) ORDER BY position)
    FROM (
        SELECT position,
               floor_pence + CASE WHEN row_number() OVER (ORDER BY remainder DESC, position) <= total_pence - sum(floor_pence) OVER ()
                                  THEN 1 ELSE 0 END AS pence
        FROM (
            SELECT position, total_pence,
                   CAST(floor(exact_pence) AS BIGINT) AS floor_pence,
                   exact_pence - floor(exact_pence) AS remainder
            FROM (
                SELECT position, total_pence,
                       total_pence * weight / sum(weight) OVER () AS exact_pence
                FROM (
                    SELECT generate_subscripts(weights, 1) AS position,
                           CAST(round(total * 100) AS BIGINT) AS total_pence,
                           CASE WHEN list_sum(weights) > 0 THEN CAST(unnest(weights) AS DOUBLE) ELSE 1.0 END AS weight
                )
            )
        )
    )
);
