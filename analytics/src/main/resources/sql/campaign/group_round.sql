-- One supervision group's round (a visit window or a 回头看 round) school by school: the group's schools (:schools,
-- ",code-or-name,…,"), narrowed to the caller's districts; each school's first supervision contact (supervision_events:
-- a SUPERVISION visit or a hazard found by SUPERVISION) in [:from, :to] up to :as_of, the days it was visited, whether
-- it had been visited in the group's visit windows [:prior_from, :prior_to] (what a 回头看 round revisits), and the
-- hazards supervision found there in the round. The round's totals ride along on every row (window aggregates).
WITH assigned AS (
    SELECT s.school_code, s.name AS school_name, s.district_code
    FROM dim_school s
    WHERE (instr(:schools, ',' || s.school_code || ',') > 0 OR instr(:schools, ',' || s.name || ',') > 0)
      AND (:f_district = '' OR instr(:f_district, ',' || s.district_code || ',') > 0)
),
visits AS (
    SELECT school_code, MIN(event_date) AS first_visit, COUNT(*) AS visit_days
    FROM supervision_events
    WHERE event_date >= :from AND event_date <= :to AND event_date <= :as_of
    GROUP BY school_code
),
prior AS (
    SELECT school_code, COUNT(*) AS prior_days
    FROM supervision_events
    WHERE event_date >= :prior_from AND event_date <= :prior_to AND event_date <= :as_of
    GROUP BY school_code
),
found AS (
    SELECT school_code,
           COUNT(*) AS hazards_found,
           SUM(CASE WHEN severity = 'MAJOR' THEN 1 ELSE 0 END) AS major_found
    FROM current_hazards
    WHERE inspection_type = 'SUPERVISION' AND found_date >= :from AND found_date <= :to AND found_date <= :as_of
    GROUP BY school_code
)
SELECT
    a.school_code,
    a.school_name,
    a.district_code,
    v.first_visit,
    COALESCE(v.visit_days, 0) AS visit_days,
    CASE WHEN p.prior_days IS NULL THEN 0 ELSE 1 END AS visited_before,
    COALESCE(f.hazards_found, 0) AS hazards_found,
    COALESCE(f.major_found, 0) AS major_found,
    COUNT(*) OVER () AS assigned,
    COUNT(v.first_visit) OVER () AS visited,
    CAST(COUNT(v.first_visit) OVER () AS DOUBLE) / COUNT(*) OVER () AS coverage,
    SUM(CASE WHEN p.prior_days IS NULL THEN 0 ELSE 1 END) OVER () AS visited_before_total,
    SUM(CASE WHEN p.prior_days IS NOT NULL AND v.first_visit IS NOT NULL THEN 1 ELSE 0 END) OVER () AS revisited,
    SUM(COALESCE(v.visit_days, 0)) OVER () AS visit_days_total,
    SUM(COALESCE(f.hazards_found, 0)) OVER () AS hazards_total,
    CASE WHEN SUM(COALESCE(v.visit_days, 0)) OVER () = 0 THEN NULL
         ELSE CAST(SUM(COALESCE(f.hazards_found, 0)) OVER () AS DOUBLE) / SUM(COALESCE(v.visit_days, 0)) OVER ()
    END AS hazards_per_visit
FROM assigned a
LEFT JOIN visits v ON v.school_code = a.school_code
LEFT JOIN prior p ON p.school_code = a.school_code
LEFT JOIN found f ON f.school_code = a.school_code
ORDER BY a.district_code, a.school_code
