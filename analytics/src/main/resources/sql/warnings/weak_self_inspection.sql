-- Warning list: schools whose self-inspection (自查) found far less than supervision (督查) did in the period P:
-- at least :min_supervision hazards found by supervision and fewer self-found than :ratio times that number.
-- A hazard counts for the district that owned its school on found_date (current_hazards.district_code).
-- One page of the list, rows :offset to :offset + :limit, with the list's size in every row (total); an empty page
-- is one row with the total and NULL columns.
WITH matching AS (
    SELECT
        h.school_code,
        h.school_name,
        h.district_code,
        h.school_type,
        SUM(CASE WHEN h.inspection_type = 'SELF' THEN 1 ELSE 0 END) AS self_found,
        SUM(CASE WHEN h.inspection_type = 'SUPERVISION' THEN 1 ELSE 0 END) AS supervision_found
    FROM hazard_keys h
    WHERE h.found_date >= :period_start AND h.found_date <= :period_end
        AND (:f_district = '' OR instr(:f_district, ',' || h.district_code || ',') > 0)
    GROUP BY h.school_code, h.school_name, h.district_code, h.school_type
    HAVING SUM(CASE WHEN h.inspection_type = 'SUPERVISION' THEN 1 ELSE 0 END) >= :min_supervision
        AND SUM(CASE WHEN h.inspection_type = 'SELF' THEN 1 ELSE 0 END)
            < :ratio * SUM(CASE WHEN h.inspection_type = 'SUPERVISION' THEN 1 ELSE 0 END)
)
SELECT t.total, p.*
FROM (SELECT COUNT(*) AS total FROM matching) t
LEFT JOIN (
    SELECT *
    FROM matching
    ORDER BY supervision_found - self_found DESC, district_code, school_code
    LIMIT :limit OFFSET :offset
) p ON TRUE
ORDER BY p.supervision_found - p.self_found DESC, p.district_code, p.school_code
