-- Every published outcome wording, from both the street files' "Last outcome category" and the outcomes
-- files' "Outcome type", mapped onto one outcome group with its is_positive flag and its finality (how settled
-- the crime is: the rule that picks one row for a Crime ID published twice prefers the more final outcome).
SELECT
    categories.outcome_key,
    categories.outcome_wording,
    categories.outcome_group,
    groups.is_positive,
    groups.description AS outcome_group_description,
    categories.finality
FROM seeds.outcome_categories AS categories
JOIN seeds.outcome_groups AS groups ON groups.outcome_group = categories.outcome_group
UNION ALL
SELECT 'none', 'No outcome', 'none', false, 'No outcome applies: anti-social behaviour incidents carry none', 0
UNION ALL
SELECT 'unknown', 'Unknown outcome', 'unknown', false, 'An outcome wording not yet in warehouse/seeds/outcome_categories.csv', 0
