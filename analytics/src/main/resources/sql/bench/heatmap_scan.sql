-- bench questions' baseline: the overview's heatmap (district × category at as-of date D = :as_of) answered by a raw
-- scan of every hazard, with no cube, no cache and no reused plan. The hazard-state functions are DuckDB macros
-- (dialect/functions.sql), inlined where they are called.
SELECT
    district_code,
    category,
    count(*) FILTER (WHERE is_open_at(found_date, rectified_date, :as_of)) AS open_hazards,
    sum(
        CASE WHEN is_open_at(found_date, rectified_date, :as_of)
            THEN risk_weight(severity, is_overdue_at(found_date, rectified_date, deadline, :as_of))
            ELSE 0
        END
    ) AS risk_weight
FROM hazard_facts
GROUP BY district_code, category
