-- Each school's open and overdue hazards at ANY as-of date, as cumulative counts per school, district and severity
-- (the riskiest-schools ranking, drill/school_ranking_asof.sql): a ranking at D reads one row per school and severity
-- instead of every hazard. The events are those of model/hazard_asof_cube.sql over current_hazards, which the
-- ranking reads (a hazard counts for the district that owned its school on found_date):
--   found             found_date                                  found_date <= day
--   left_open         GREATEST(found_date, rectified_date)         found_date <= day AND rectified_date <= day
--   overdue_entered   GREATEST(found_date, deadline + 1)           found_date <= day AND deadline < day
--   overdue_left      GREATEST(found_date, deadline + 1, rectified_date)
-- so that at a day X: is_open_at(X) = found − left_open, is_overdue_at(X) = overdue_entered − overdue_left.
-- A row holds the counts from valid_from up to the day before valid_to; before a school's first row they are 0.
WITH hazards AS (
    SELECT h.school_code, h.district_code, h.severity, h.found_date, h.deadline, h.rectified_date
    FROM current_hazards h
    JOIN dim_school s ON s.school_code = h.school_code
),
events AS (
    SELECT school_code, district_code, severity, found_date AS day,
        1 AS found, 0 AS left_open, 0 AS overdue_entered, 0 AS overdue_left
    FROM hazards
    UNION ALL
    SELECT school_code, district_code, severity, GREATEST(found_date, rectified_date), 0, 1, 0, 0
    FROM hazards
    WHERE rectified_date IS NOT NULL
    UNION ALL
    SELECT school_code, district_code, severity, GREATEST(found_date, deadline + 1), 0, 0, 1, 0
    FROM hazards
    WHERE deadline IS NOT NULL
    UNION ALL
    SELECT school_code, district_code, severity, GREATEST(found_date, deadline + 1, rectified_date), 0, 0, 0, 1
    FROM hazards
    WHERE deadline IS NOT NULL AND rectified_date IS NOT NULL
),
daily AS (
    SELECT school_code, district_code, severity, day,
        SUM(found) AS found, SUM(left_open) AS left_open,
        SUM(overdue_entered) AS overdue_entered, SUM(overdue_left) AS overdue_left
    FROM events
    GROUP BY school_code, district_code, severity, day
)
SELECT
    school_code,
    district_code,
    severity,
    day AS valid_from,
    COALESCE(
        LEAD(day) OVER (PARTITION BY school_code, district_code, severity ORDER BY day), DATE '9999-12-31')
        AS valid_to,
    CAST(SUM(found) OVER cumulative AS BIGINT) AS found,
    CAST(SUM(left_open) OVER cumulative AS BIGINT) AS left_open,
    CAST(SUM(overdue_entered) OVER cumulative AS BIGINT) AS overdue_entered,
    CAST(SUM(overdue_left) OVER cumulative AS BIGINT) AS overdue_left
FROM daily
WINDOW cumulative AS (
    PARTITION BY school_code, district_code, severity ORDER BY day ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)
-- rows in date order, so a ranking's date falls in a few Parquet row groups
ORDER BY valid_from, school_code, district_code, severity
