-- Warning list: hazards overdue at the as-of date D (docs/FIGURES.md "overdue": open at D with deadline < D; an item
-- without a deadline is never overdue), most overdue first. :f_district is ',CODE,' or '' for the whole city.
SELECT
    h.hazard_id,
    h.school_code,
    s.name AS school_name,
    h.district_code,
    h.category,
    h.severity,
    h.inspection_type,
    h.found_date,
    h.deadline,
    h.responsible_person,
    h.temporary_measures,
    h.description,
    days_between(h.deadline, :as_of) AS days_overdue
FROM current_hazards h
JOIN dim_school s ON s.school_code = h.school_code
WHERE is_overdue_at(h.found_date, h.rectified_date, h.deadline, :as_of)
    AND (:f_district = '' OR instr(:f_district, ',' || h.district_code || ',') > 0)
ORDER BY days_overdue DESC, h.severity DESC, h.district_code, h.school_code, h.hazard_id
