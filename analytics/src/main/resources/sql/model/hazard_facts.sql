-- One row per hazard in its current state, narrowed to what figures read: the breakdown keys (the district that owned
-- the school on found_date, the school's type and boarding flag; the hazard's category, severity and inspection type; the month, quarter and
-- year of found_date) and the dates figures compare with the period and the as-of date. Hazards of schools missing
-- from the register have no district and are left out, as in every figure.
--   days_to_rectify    rectified_date - found_date in days (NULL until rectified)
--   hazards            1 here; the number of hazards a row stands for in the cubes
--   self_hazards       1 when found by 自查 (SELF), for self_found_share
--   on_time_hazards    1 when rectified_date <= deadline (on_time_rate), known per hazard whatever the as-of date
--   days_to_close      closed_date - rectified_date in days (NULL until signed off, 销号)
--   supervised_hazards 1 when the ledger lists the hazard for supervision (督办)
--   no_unit_hazards    1 when the ledger names no responsible unit (责任单位)
SELECT
    h.district_code,
    s.school_type,
    CASE WHEN s.boarding THEN 'Y' ELSE 'N' END AS boarding,
    h.category,
    h.severity,
    h.inspection_type,
    m.month_code AS found_month,
    m.quarter_code AS found_quarter,
    m.year_code AS found_year,
    h.found_date,
    h.deadline,
    h.rectified_date,
    days_between(h.found_date, h.rectified_date) AS days_to_rectify,
    CAST(1 AS BIGINT) AS hazards,
    CAST(CASE WHEN h.inspection_type = 'SELF' THEN 1 ELSE 0 END AS BIGINT) AS self_hazards,
    CAST(CASE WHEN h.rectified_date <= h.deadline THEN 1 ELSE 0 END AS BIGINT) AS on_time_hazards,
    h.closed_date,
    days_between(h.rectified_date, h.closed_date) AS days_to_close,
    -- responsibility and 督办 (issue 20): appended, grouped
    CAST(CASE WHEN h.supervised THEN 1 ELSE 0 END AS BIGINT) AS supervised_hazards,
    CAST(CASE WHEN is_blank(h.responsible_unit) THEN 1 ELSE 0 END AS BIGINT)
        AS no_unit_hazards
FROM current_hazards h
JOIN dim_school s ON s.school_code = h.school_code
JOIN dim_month m ON m.month_start = make_date(year(h.found_date), month(h.found_date), 1)
