-- Warning list: schools whose self-inspection (自查) found far less than supervision (督查) did in the period P:
-- at least :min_supervision hazards found by supervision and fewer self-found than :ratio times that number.
-- A hazard counts for the district that owned its school on found_date (current_hazards.district_code).
SELECT
    s.school_code,
    s.name AS school_name,
    h.district_code,
    s.school_type,
    SUM(CASE WHEN h.inspection_type = 'SELF' THEN 1 ELSE 0 END) AS self_found,
    SUM(CASE WHEN h.inspection_type = 'SUPERVISION' THEN 1 ELSE 0 END) AS supervision_found
FROM current_hazards h
JOIN dim_school s ON s.school_code = h.school_code
WHERE h.found_date >= :period_start AND h.found_date <= :period_end
    AND (:f_district = '' OR instr(:f_district, ',' || h.district_code || ',') > 0)
GROUP BY s.school_code, s.name, h.district_code, s.school_type
HAVING SUM(CASE WHEN h.inspection_type = 'SUPERVISION' THEN 1 ELSE 0 END) >= :min_supervision
    AND SUM(CASE WHEN h.inspection_type = 'SELF' THEN 1 ELSE 0 END)
        < :ratio * SUM(CASE WHEN h.inspection_type = 'SUPERVISION' THEN 1 ELSE 0 END)
ORDER BY supervision_found - self_found DESC, h.district_code, s.school_code
