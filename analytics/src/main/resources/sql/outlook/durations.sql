-- Survival inputs of the goal outlook (docs/FIGURES.md "Goal outlook"): the time to rectify of every hazard of the
-- campaign's history (found in [:history_from, :as_of], in the area's districts), grouped by category, severity,
-- duration in days and whether it ended in a rectification. A hazard still open at D is censored at its age on D
-- (is_open_at of dialect/functions.sql); one rectified by D is an event at rectified_date - found_date. The
-- Kaplan-Meier estimator (OutlookService) reads these counts; it is a statistical model, not a figure.
SELECT category, severity, days, rectified, SUM(hazards) AS hazards
FROM (
    SELECT
        f.category,
        f.severity,
        CASE WHEN is_open_at(f.found_date, f.rectified_date, :as_of) THEN days_between(f.found_date, :as_of)
            ELSE f.days_to_rectify END AS days,
        CASE WHEN is_open_at(f.found_date, f.rectified_date, :as_of) THEN 0 ELSE 1 END AS rectified,
        f.hazards
    FROM hazard_facts f
    WHERE f.found_date >= :history_from
        AND f.found_date <= :as_of
        AND (:f_district = '' OR instr(:f_district, ',' || f.district_code || ',') > 0)
) observed
GROUP BY category, severity, days, rectified
ORDER BY category, severity, days, rectified
