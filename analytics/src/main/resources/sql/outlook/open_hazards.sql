-- The hazards open at D in the area's districts (docs/FIGURES.md "open", the same population as the open figure:
-- schools of the register only), whatever their found date: the goal outlook projects each one's chance of still
-- being open at a goal's date and of missing its deadline.
SELECT
    h.hazard_id,
    h.school_code,
    s.name AS school_name,
    h.district_code,
    h.category,
    h.severity,
    h.found_date,
    h.deadline
FROM current_hazards h
JOIN dim_school s ON s.school_code = h.school_code
WHERE is_open_at(h.found_date, h.rectified_date, :as_of)
    AND h.district_code IS NOT NULL
    AND (:f_district = '' OR instr(:f_district, ',' || h.district_code || ',') > 0)
ORDER BY h.deadline, h.found_date, h.district_code, h.school_code, h.hazard_id
