-- Findings per trust rule for each school, each district and the whole scope (over trust_findings, as scores.sql):
-- findings, and hazards with at least one finding of the rule. Schools belong to the district that owns them now.
WITH scoped AS (
    SELECT f.rule_code, s.district_code, f.school_code, f.hazard_id
    FROM trust_findings f
    JOIN dim_school s ON s.school_code = f.school_code
    WHERE (:scope_district = '' OR instr(:scope_district, ',' || s.district_code || ',') > 0)
)
SELECT
    'SCHOOL' AS level,
    district_code,
    school_code,
    rule_code,
    CAST(COUNT(*) AS INTEGER) AS findings,
    CAST(COUNT(DISTINCT hazard_id) AS INTEGER) AS hazards
FROM scoped
GROUP BY district_code, school_code, rule_code
UNION ALL
SELECT
    'DISTRICT' AS level,
    district_code,
    CAST(NULL AS STRING) AS school_code,
    rule_code,
    CAST(COUNT(*) AS INTEGER) AS findings,
    CAST(COUNT(DISTINCT school_code || '/' || hazard_id) AS INTEGER) AS hazards
FROM scoped
GROUP BY district_code, rule_code
UNION ALL
SELECT
    'ALL' AS level,
    CAST(NULL AS STRING) AS district_code,
    CAST(NULL AS STRING) AS school_code,
    rule_code,
    CAST(COUNT(*) AS INTEGER) AS findings,
    CAST(COUNT(DISTINCT school_code || '/' || hazard_id) AS INTEGER) AS hazards
FROM scoped
GROUP BY rule_code
