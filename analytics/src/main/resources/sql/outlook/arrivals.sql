-- The outlook's arrival rate: hazards found in [:recent_from, :as_of] in the area's districts per category and
-- severity; divided by the days of that window it is the expected number found per day after D.
SELECT f.category, f.severity, SUM(f.hazards) AS hazards
FROM hazard_facts f
WHERE f.found_date >= :recent_from
    AND f.found_date <= :as_of
    AND (:f_district = '' OR instr(:f_district, ',' || f.district_code || ',') > 0)
GROUP BY f.category, f.severity
