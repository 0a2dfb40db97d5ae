-- The outlook's arrival rate: hazards found in [:recent_from, :as_of] in the area's districts per category and
-- severity; divided by the days of that window it is the expected number found per day after D. Ordered, because the
-- simulation draws its random numbers stratum by stratum: another order gives another (equally valid) projection, and
-- a report regenerated from the same model must print the same one.
SELECT f.category, f.severity, SUM(f.hazards) AS hazards
FROM hazard_facts f
WHERE f.found_date >= :recent_from
    AND f.found_date <= :as_of
    AND (:f_district = '' OR instr(:f_district, ',' || f.district_code || ',') > 0)
GROUP BY f.category, f.severity
ORDER BY f.category, f.severity
