-- One hazard in its current state with the names of its codes, if the caller's scope holds its district (the district
-- that owned the school on the found date, as in every hazard list).
SELECT
    h.hazard_id,
    h.school_code,
    COALESCE(s.name, h.school_name) AS school_name,
    h.district_code,
    dis.name_zh AS district_name_zh,
    dis.name_en AS district_name_en,
    h.category,
    cat.name_zh AS category_name_zh,
    cat.name_en AS category_name_en,
    h.severity,
    sev.name_zh AS severity_name_zh,
    sev.name_en AS severity_name_en,
    h.inspection_type,
    ins.name_zh AS inspection_type_name_zh,
    ins.name_en AS inspection_type_name_en,
    h.status,
    st.name_zh AS status_name_zh,
    st.name_en AS status_name_en,
    h.found_date,
    h.deadline,
    h.rectified_date,
    h.closed_date,
    h.location,
    h.description,
    h.inspector,
    h.responsible_person,
    h.measures,
    h.temporary_measures,
    h.responsible_unit,
    h.supervised,
    h.supervised_by,
    h.supervised_date
FROM current_hazards h
LEFT JOIN dim_school s ON s.school_code = h.school_code
LEFT JOIN dim_district dis ON dis.code = h.district_code
LEFT JOIN dim_category cat ON cat.code = h.category
LEFT JOIN dim_severity sev ON sev.code = h.severity
LEFT JOIN dim_inspection_type ins ON ins.code = h.inspection_type
LEFT JOIN dim_status st ON st.code = h.status
WHERE h.school_code = :school_code
    AND h.hazard_id = :hazard_id
    AND (:scope_district = '' OR instr(:scope_district, ',' || h.district_code || ',') > 0)
