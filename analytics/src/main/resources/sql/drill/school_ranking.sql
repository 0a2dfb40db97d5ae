-- Schools ranked by the risk of their hazards open at D (the riskiest schools of the overview). Per school: open,
-- overdue and MAJOR open hazards, and risk points weighted by risk_weight as risk_index weights them in
-- sql/figures/figures.sql (GENERAL 1, MAJOR 5, doubled when overdue), so that summed over a district and school type
-- the points are risk_index × schools ÷ 100 of that cell (DrillDownTest checks it). Filters as in drill/hazards.sql; the caller's
-- :scope_district applies whatever they ask. A hazard counts for the district that owned its school on found_date, so a
-- school moved between districts may rank once for each (with the hazards of each).
WITH open_hazards AS (
    SELECT
        h.school_code,
        h.district_code,
        CASE WHEN is_overdue_at(h.found_date, h.rectified_date, h.deadline, :as_of) THEN 1 ELSE 0 END AS is_overdue,
        CASE WHEN h.severity = 'MAJOR' THEN 1 ELSE 0 END AS is_major,
        risk_weight(h.severity, is_overdue_at(h.found_date, h.rectified_date, h.deadline, :as_of)) AS risk_weight
    FROM hazard_keys h
    WHERE is_open_at(h.found_date, h.rectified_date, :as_of)
        AND (:scope_district = '' OR instr(:scope_district, ',' || h.district_code || ',') > 0)
        AND (:f_district = '' OR instr(:f_district, ',' || h.district_code || ',') > 0)
        AND (:f_school_type = '' OR instr(:f_school_type, ',' || h.school_type || ',') > 0)
        AND (:f_boarding = '' OR instr(:f_boarding, ',' || h.boarding || ',') > 0)
        AND (:f_category = '' OR instr(:f_category, ',' || h.category || ',') > 0)
        AND (:f_severity = '' OR instr(:f_severity, ',' || h.severity || ',') > 0)
        AND (:f_inspection_type = '' OR instr(:f_inspection_type, ',' || h.inspection_type || ',') > 0)
)
SELECT
    s.school_code,
    s.name AS school_name,
    o.district_code,
    d.name_zh AS district_name_zh,
    s.school_type,
    COUNT(*) AS open_hazards,
    SUM(o.is_overdue) AS overdue,
    SUM(o.is_major) AS major_open,
    SUM(o.risk_weight) AS risk_points
FROM open_hazards o
JOIN dim_school s ON s.school_code = o.school_code
LEFT JOIN dim_district d ON d.code = o.district_code
GROUP BY s.school_code, s.name, o.district_code, d.name_zh, s.school_type
ORDER BY risk_points DESC, major_open DESC, overdue DESC, s.school_code, o.district_code
LIMIT :limit
