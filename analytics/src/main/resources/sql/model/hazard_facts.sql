-- One row per hazard in its current state, narrowed to what figures read: the breakdown keys (the school's
-- district, type and boarding flag; the hazard's category, severity and inspection type; the month, quarter and
-- year of found_date) and the dates figures compare with the period and the as-of date. Hazards of schools missing
-- from the register have no district and are left out, as in every figure.
--   rectified_on_time  rectified_date <= deadline (on_time_rate), known per hazard whatever the as-of date
--   days_to_rectify    rectified_date - found_date in days (NULL until rectified)
--   hazards            1 here; the number of hazards a row stands for in hazard_cube
SELECT
    s.district_code,
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
    COALESCE(h.rectified_date <= h.deadline, FALSE) AS rectified_on_time,
    days_between(h.found_date, h.rectified_date) AS days_to_rectify,
    CAST(1 AS BIGINT) AS hazards
FROM current_hazards h
JOIN dim_school s ON s.school_code = h.school_code
JOIN dim_month m ON m.month_start = make_date(year(h.found_date), month(h.found_date), 1)
