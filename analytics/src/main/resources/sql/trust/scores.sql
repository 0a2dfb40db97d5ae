-- Ledger trust scores (docs/FIGURES.md "Ledger trust"), over trust_findings (the model table holding the union of the
-- rule queries, sql/trust/<rule>.sql): one row per school with hazards, per district and for the whole scope. A unit's
-- hazards are every hazard its schools ever reported (hazard_history); its score is the share of them with no finding,
-- in percent with one decimal: 100 × (hazards − flagged hazards) / hazards. Schools belong to the district that owns
-- them now (dim_school). :scope_district keeps to the caller's districts ('' for the whole city). Weakest first.
WITH hazards AS (
    SELECT DISTINCT school_code, hazard_id
    FROM hazard_history
),
flags AS (
    SELECT school_code, hazard_id, COUNT(*) AS findings
    FROM trust_findings
    GROUP BY school_code, hazard_id
),
per_hazard AS (
    SELECT s.district_code, h.school_code, h.hazard_id, COALESCE(f.findings, 0) AS findings
    FROM hazards h
    JOIN dim_school s ON s.school_code = h.school_code
    LEFT JOIN flags f ON f.school_code = h.school_code AND f.hazard_id = h.hazard_id
    WHERE (:scope_district = '' OR instr(:scope_district, ',' || s.district_code || ',') > 0)
),
units AS (
    SELECT
        'SCHOOL' AS level,
        district_code,
        school_code,
        COUNT(*) AS hazards,
        SUM(CASE WHEN findings > 0 THEN 1 ELSE 0 END) AS flagged_hazards,
        SUM(findings) AS findings
    FROM per_hazard
    GROUP BY district_code, school_code
    UNION ALL
    SELECT
        'DISTRICT' AS level,
        district_code,
        CAST(NULL AS STRING) AS school_code,
        COUNT(*) AS hazards,
        SUM(CASE WHEN findings > 0 THEN 1 ELSE 0 END) AS flagged_hazards,
        SUM(findings) AS findings
    FROM per_hazard
    GROUP BY district_code
    UNION ALL
    SELECT
        'ALL' AS level,
        CAST(NULL AS STRING) AS district_code,
        CAST(NULL AS STRING) AS school_code,
        COUNT(*) AS hazards,
        SUM(CASE WHEN findings > 0 THEN 1 ELSE 0 END) AS flagged_hazards,
        SUM(findings) AS findings
    FROM per_hazard
    HAVING COUNT(*) > 0
)
SELECT
    u.level,
    u.district_code,
    d.name_zh AS district_name_zh,
    d.name_en AS district_name_en,
    u.school_code,
    s.name AS school_name,
    CAST(u.hazards AS INTEGER) AS hazards,
    CAST(u.flagged_hazards AS INTEGER) AS flagged_hazards,
    CAST(u.findings AS INTEGER) AS findings,
    ROUND(CAST(100 * (u.hazards - u.flagged_hazards) AS DOUBLE) / u.hazards, 1) AS score
FROM units u
LEFT JOIN dim_district d ON d.code = u.district_code
LEFT JOIN dim_school s ON s.school_code = u.school_code
ORDER BY
    CASE u.level WHEN 'ALL' THEN 0 WHEN 'DISTRICT' THEN 1 ELSE 2 END,
    score,
    u.district_code,
    u.school_code
