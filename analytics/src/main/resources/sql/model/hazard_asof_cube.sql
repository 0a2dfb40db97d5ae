-- Cumulative counts per cell (district, category, severity) that answer the stock figures at ANY as-of date exactly:
-- a question reads one row per cell for each date it needs (D, the end of P, the day before P), a few hundred rows,
-- however many hazards there are. Sized by cells × days on which something happened, not by hazards.
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
-- A row holds the counts from valid_from up to the day before valid_to; before a cell's first row every count is 0.
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
)
SELECT
    district_code,
    category,
    severity,
    day AS valid_from,
    COALESCE(
        LEAD(day) OVER (PARTITION BY district_code, category, severity ORDER BY day), DATE '9999-12-31') AS valid_to,
    CAST(SUM(found) OVER cumulative AS BIGINT) AS found,
    CAST(SUM(self_found) OVER cumulative AS BIGINT) AS self_found,
    CAST(SUM(legacy_found) OVER cumulative AS BIGINT) AS legacy_found,
    CAST(SUM(left_open) OVER cumulative AS BIGINT) AS left_open,
    CAST(SUM(legacy_left_open) OVER cumulative AS BIGINT) AS legacy_left_open,
    CAST(SUM(overdue_entered) OVER cumulative AS BIGINT) AS overdue_entered,
    CAST(SUM(overdue_left) OVER cumulative AS BIGINT) AS overdue_left,
    CAST(SUM(resolved) OVER cumulative AS BIGINT) AS resolved,
    CAST(SUM(signed_off) OVER cumulative AS BIGINT) AS signed_off
FROM daily
WINDOW cumulative AS (
    PARTITION BY district_code, category, severity ORDER BY day ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)
-- rows in date order, so a question's dates fall in a few Parquet row groups
ORDER BY valid_from, district_code, category, severity
