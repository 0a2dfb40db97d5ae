-- bench questions' baseline: the overview's heatmap (district × category at as-of date D = :as_of) answered by a raw
-- scan of every hazard, with no cube, no cache and no reused plan. Open at D and the risk weight as
-- dialect/functions.sql defines them (is_open_at, is_overdue_at, risk_weight), spelled out so the scan runs on a bare
-- DuckDB without the dialect's functions.
SELECT
    district_code,
    category,
    count(*) FILTER (WHERE found_date <= :as_of AND (rectified_date IS NULL OR rectified_date > :as_of)) AS open_hazards,
    sum(
        CASE WHEN found_date <= :as_of AND (rectified_date IS NULL OR rectified_date > :as_of)
            THEN (CASE WHEN severity = 'MAJOR' THEN 5 ELSE 1 END) * (CASE WHEN deadline < :as_of THEN 2 ELSE 1 END)
            ELSE 0
        END
    ) AS risk_weight
FROM hazard_facts
GROUP BY district_code, category
