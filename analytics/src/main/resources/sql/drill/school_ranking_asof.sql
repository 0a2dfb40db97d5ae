-- drill/school_ranking.sql read from model/school_asof_cube.sql: the same rows in the same order, from one cube row per
-- school, district and severity valid at D instead of every hazard. Filters by district, school type, boarding and
-- severity only (SchoolProfileService asks school_ranking.sql when a category or inspection type filters); risk points
-- weigh open hazards by risk_weight, doubled while overdue, as school_ranking.sql does hazard by hazard.
WITH at_as_of AS (
    SELECT
        c.school_code,
        c.district_code,
        c.found - c.left_open AS open_hazards,
        c.overdue_entered - c.overdue_left AS overdue,
        CASE WHEN c.severity = 'MAJOR' THEN c.found - c.left_open ELSE 0 END AS major_open,
        risk_weight(c.severity, false) * (c.found - c.left_open - c.overdue_entered + c.overdue_left)
            + risk_weight(c.severity, true) * (c.overdue_entered - c.overdue_left) AS risk_points
    FROM school_asof_cube c
    JOIN dim_school s ON s.school_code = c.school_code
    WHERE c.valid_from <= :as_of AND :as_of < c.valid_to
        AND (:scope_district = '' OR instr(:scope_district, ',' || c.district_code || ',') > 0)
        AND (:f_district = '' OR instr(:f_district, ',' || c.district_code || ',') > 0)
        AND (:f_school_type = '' OR instr(:f_school_type, ',' || s.school_type || ',') > 0)
        AND (:f_boarding = '' OR instr(:f_boarding, ',' || (CASE WHEN s.boarding THEN 'Y' ELSE 'N' END) || ',') > 0)
        AND (:f_severity = '' OR instr(:f_severity, ',' || c.severity || ',') > 0)
)
SELECT
    s.school_code,
    s.name AS school_name,
    o.district_code,
    d.name_zh AS district_name_zh,
    s.school_type,
    CAST(SUM(o.open_hazards) AS BIGINT) AS open_hazards,
    CAST(SUM(o.overdue) AS BIGINT) AS overdue,
    CAST(SUM(o.major_open) AS BIGINT) AS major_open,
    CAST(SUM(o.risk_points) AS BIGINT) AS risk_points
FROM at_as_of o
JOIN dim_school s ON s.school_code = o.school_code
LEFT JOIN dim_district d ON d.code = o.district_code
GROUP BY s.school_code, s.name, o.district_code, d.name_zh, s.school_type
HAVING SUM(o.open_hazards) > 0
ORDER BY risk_points DESC, major_open DESC, overdue DESC, s.school_code, o.district_code
LIMIT :limit
