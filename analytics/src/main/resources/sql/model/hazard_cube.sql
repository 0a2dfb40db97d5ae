-- hazard_facts summed over hazards that no month-aligned question can tell apart, so dashboards read a few rows per
-- breakdown cell instead of every hazard. A question is month-aligned when the period starts on the 1st, ends on a
-- month's last day and the as-of date is a month's last day; for those, each date below compares with the period
-- bounds and the as-of date exactly as the hazard's own date does:
--   found_date, rectified_date, closed_date  the 1st of their month
--   deadline                     the 1st of its month, unless it is the month's last day (then kept: a deadline on
--                                the as-of date is not overdue)
-- The per-hazard measures (hazards, self_hazards, on_time_hazards, days_to_rectify, days_to_close) are summed. Any other question
-- reads hazard_facts, which has the same columns; the smaller cubes (hazard_cube_district_category,
-- hazard_cube_district) sum this one further over fewer dimensions.
SELECT
    district_code,
    school_type,
    boarding,
    category,
    severity,
    inspection_type,
    found_month,
    found_quarter,
    found_year,
    found_date,
    deadline,
    rectified_date,
    CAST(SUM(days_to_rectify) AS BIGINT) AS days_to_rectify,
    CAST(SUM(hazards) AS BIGINT) AS hazards,
    CAST(SUM(self_hazards) AS BIGINT) AS self_hazards,
    CAST(SUM(on_time_hazards) AS BIGINT) AS on_time_hazards,
    closed_date,
    CAST(SUM(days_to_close) AS BIGINT) AS days_to_close
FROM (
    SELECT
        district_code,
        school_type,
        boarding,
        category,
        severity,
        inspection_type,
        found_month,
        found_quarter,
        found_year,
        make_date(year(found_date), month(found_date), 1) AS found_date,
        CASE WHEN deadline = last_day(deadline) THEN deadline
            ELSE make_date(year(deadline), month(deadline), 1) END AS deadline,
        make_date(year(rectified_date), month(rectified_date), 1) AS rectified_date,
        days_to_rectify,
        hazards,
        self_hazards,
        on_time_hazards,
        make_date(year(closed_date), month(closed_date), 1) AS closed_date,
        days_to_close
    FROM hazard_facts
) coarse
GROUP BY
    district_code,
    school_type,
    boarding,
    category,
    severity,
    inspection_type,
    found_month,
    found_quarter,
    found_year,
    found_date,
    deadline,
    rectified_date,
    closed_date
