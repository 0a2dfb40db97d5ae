-- For the outlook of an on_time_rate measure (found in [:period_start, :period_end]; for due_on_time_rate,
-- :by_deadline, falling due in it instead; category and severity filters as ',CODE,' lists): the hazards whose on-time verdict at the horizon H = :horizon is already known at D = :as_of,
-- with the on_time_rate rule of docs/FIGURES.md. Due by H and decided: rectified by D (on time when by its
-- deadline), or past its deadline at D while open (late whatever happens). The hazards still open at D with a
-- deadline in (D, H] are pending; the outlook projects them from open_hazards.sql.
SELECT
    COALESCE(SUM(CASE WHEN f.rectified_date <= :as_of OR is_overdue_at(f.found_date, f.rectified_date, f.deadline, :as_of)
        THEN f.hazards ELSE 0 END), 0) AS decided,
    COALESCE(SUM(CASE WHEN f.rectified_date <= :as_of AND f.rectified_date <= f.deadline THEN f.hazards ELSE 0 END), 0)
        AS on_time
FROM hazard_facts f
WHERE ((NOT :by_deadline AND f.found_date >= :period_start AND f.found_date <= :period_end)
        OR (:by_deadline AND f.deadline >= :period_start AND f.deadline <= :period_end))
    AND f.found_date <= :as_of
    AND f.deadline <= :horizon
    AND (:f_district = '' OR instr(:f_district, ',' || f.district_code || ',') > 0)
    AND (:f_category = '' OR instr(:f_category, ',' || f.category || ',') > 0)
    AND (:f_severity = '' OR instr(:f_severity, ',' || f.severity || ',') > 0)
