-- Every published outcome wording, from both the street files' "Last outcome category" and the outcomes
-- files' "Outcome type", mapped onto one outcome group with its is_positive flag.
SELECT
    categories.outcome_key,
    categories.outcome_wording,
    categories.outcome_group,
    groups.is_positive,
    groups.description AS outcome_group_description
FROM seeds.outcome_categories AS categories
JOIN seeds.outcome_groups AS groups ON groups.outcome_group = categories.outcome_group
UNION ALL
SELECT 'none', 'No outcome', 'none', false, 'No outcome applies: anti-social behaviour incidents carry none'
UNION ALL
SELECT 'unknown', 'Unknown outcome', 'unknown', false, 'An outcome wording not yet in warehouse/seeds/outcome_categories.csv'
