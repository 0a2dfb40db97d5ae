-- Cumulative counts per cell (district, category, severity) that answer the stock figures at ANY as-of date exactly:
-- a question reads one row per cell for each date it needs (D, the end of P, the day before P), a few hundred rows,
-- however many hazards there are.
--
-- Each hazard contributes events, each on the first day from which a predicate of sql/dialect/functions.sql holds
-- for good (an event needs every date it names, so it is written only where none is NULL):
--   found             found_date                                  found_date <= day
--   left_open         GREATEST(found_date, rectified_date)         found_date <= day AND rectified_date <= day
--   overdue_entered   GREATEST(found_date, deadline + 1)           found_date <= day AND deadline < day
--   overdue_left      GREATEST(found_date, deadline + 1, rectified_date)
--   resolved          rectified_date                              rectified_date <= day
--   signed_off        GREATEST(rectified_date, closed_date)        rectified_date <= day AND closed_date <= day
-- so that, with each count taken cumulatively up to a day X:
--   is_open_at(X)            = found − left_open
--   is_overdue_at(X)         = overdue_entered − overdue_left
--   rectified_not_closed at X = resolved − signed_off
--   found in P               = found(end of P) − found(day before P); likewise self_found and resolved
-- legacy_found / legacy_left_open count the same for hazards found before campaign_baseline() (legacy_major_open).
-- One row per cell and day from the first event's day to the last's (the rows of a day hold the counts up to and
-- including it; the last day's rows hold for every later day, valid_to 9999-12-31), so a question at any date reads
-- exactly the rows of its day: a cell's rows are not sparse intervals whose open row could sit anywhere in the table.
-- Before the first day there is no row and every count is 0. Sized by cells × days (≈ 450 × 1,500 ≈ 650,000 rows),
-- whatever the number of hazards.
WITH events AS (
    SELECT district_code, category, severity, found_date AS day,
        hazards AS found, self_hazards AS self_found,
        CASE WHEN found_date < campaign_baseline() THEN hazards ELSE 0 END AS legacy_found,
        0 AS left_open, 0 AS legacy_left_open, 0 AS overdue_entered, 0 AS overdue_left, 0 AS resolved, 0 AS signed_off
    FROM hazard_facts
    UNION ALL
    SELECT district_code, category, severity, GREATEST(found_date, rectified_date),
        0, 0, 0,
        hazards, CASE WHEN found_date < campaign_baseline() THEN hazards ELSE 0 END, 0, 0, 0, 0
    FROM hazard_facts
    WHERE rectified_date IS NOT NULL
    UNION ALL
    SELECT district_code, category, severity, GREATEST(found_date, deadline + 1),
        0, 0, 0, 0, 0, hazards, 0, 0, 0
    FROM hazard_facts
    WHERE deadline IS NOT NULL
    UNION ALL
    SELECT district_code, category, severity, GREATEST(found_date, deadline + 1, rectified_date),
        0, 0, 0, 0, 0, 0, hazards, 0, 0
    FROM hazard_facts
    WHERE deadline IS NOT NULL AND rectified_date IS NOT NULL
    UNION ALL
    SELECT district_code, category, severity, rectified_date,
        0, 0, 0, 0, 0, 0, 0, hazards, 0
    FROM hazard_facts
    WHERE rectified_date IS NOT NULL
    UNION ALL
    SELECT district_code, category, severity, GREATEST(rectified_date, closed_date),
        0, 0, 0, 0, 0, 0, 0, 0, hazards
    FROM hazard_facts
    WHERE rectified_date IS NOT NULL AND closed_date IS NOT NULL
),
daily AS (
    SELECT district_code, category, severity, day,
        SUM(found) AS found, SUM(self_found) AS self_found, SUM(legacy_found) AS legacy_found,
        SUM(left_open) AS left_open, SUM(legacy_left_open) AS legacy_left_open,
        SUM(overdue_entered) AS overdue_entered, SUM(overdue_left) AS overdue_left,
        SUM(resolved) AS resolved, SUM(signed_off) AS signed_off
    FROM events
    GROUP BY district_code, category, severity, day
),
span AS (
    SELECT MIN(day) AS first_day, MAX(day) AS last_day FROM daily
),
-- 0 .. 99,999: every day of the span (up to 273 years), without an engine's own series function
numbers AS (
    SELECT a.n + 10 * b.n + 100 * c.n + 1000 * d.n + 10000 * e.n AS n
    FROM (VALUES (0), (1), (2), (3), (4), (5), (6), (7), (8), (9)) AS a (n)
    CROSS JOIN (VALUES (0), (1), (2), (3), (4), (5), (6), (7), (8), (9)) AS b (n)
    CROSS JOIN (VALUES (0), (1), (2), (3), (4), (5), (6), (7), (8), (9)) AS c (n)
    CROSS JOIN (VALUES (0), (1), (2), (3), (4), (5), (6), (7), (8), (9)) AS d (n)
    CROSS JOIN (VALUES (0), (1), (2), (3), (4), (5), (6), (7), (8), (9)) AS e (n)
),
days AS (
    SELECT span.first_day + numbers.n AS day, span.last_day
    FROM span
    CROSS JOIN numbers
    WHERE numbers.n <= days_between(span.first_day, span.last_day)
),
cells AS (
    SELECT DISTINCT district_code, category, severity FROM daily
),
-- every cell on every day of the span, with that day's events (none: 0)
dense AS (
    SELECT c.district_code, c.category, c.severity, d.day, d.last_day,
        COALESCE(e.found, 0) AS found, COALESCE(e.self_found, 0) AS self_found,
        COALESCE(e.legacy_found, 0) AS legacy_found, COALESCE(e.left_open, 0) AS left_open,
        COALESCE(e.legacy_left_open, 0) AS legacy_left_open, COALESCE(e.overdue_entered, 0) AS overdue_entered,
        COALESCE(e.overdue_left, 0) AS overdue_left, COALESCE(e.resolved, 0) AS resolved,
        COALESCE(e.signed_off, 0) AS signed_off
    FROM cells c
    CROSS JOIN days d
    LEFT JOIN daily e
        ON e.district_code = c.district_code AND e.category = c.category AND e.severity = c.severity
            AND e.day = d.day
)
SELECT
    district_code,
    category,
    severity,
    day AS valid_from,
    -- one day per row, the last day's row valid for good: a date reads the rows of its own day
    CASE WHEN day = last_day THEN DATE '9999-12-31' ELSE day + 1 END AS valid_to,
    CAST(SUM(found) OVER cumulative AS BIGINT) AS found,
    CAST(SUM(self_found) OVER cumulative AS BIGINT) AS self_found,
    CAST(SUM(legacy_found) OVER cumulative AS BIGINT) AS legacy_found,
    CAST(SUM(left_open) OVER cumulative AS BIGINT) AS left_open,
    CAST(SUM(legacy_left_open) OVER cumulative AS BIGINT) AS legacy_left_open,
    CAST(SUM(overdue_entered) OVER cumulative AS BIGINT) AS overdue_entered,
    CAST(SUM(overdue_left) OVER cumulative AS BIGINT) AS overdue_left,
    CAST(SUM(resolved) OVER cumulative AS BIGINT) AS resolved,
    CAST(SUM(signed_off) OVER cumulative AS BIGINT) AS signed_off
FROM dense
WINDOW cumulative AS (
    PARTITION BY district_code, category, severity ORDER BY day ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)
-- rows in date order: the rows of one date sit together, so a question at a date reads a row group or two
ORDER BY valid_from, district_code, category, severity
