-- Warning list: hazards rectified at least :sign_off_days days before D and still not signed off (销号) at D
-- (docs/FIGURES.md "rectified_not_closed", narrowed to those waiting too long), the longest waiting first.
SELECT
    h.hazard_id,
    h.school_code,
    s.name AS school_name,
    h.district_code,
    h.category,
    h.severity,
    h.found_date,
    h.rectified_date,
    h.responsible_person,
    h.description,
    days_between(h.rectified_date, :as_of) AS days_since_rectified
FROM current_hazards h
JOIN dim_school s ON s.school_code = h.school_code
WHERE h.rectified_date <= :as_of
    AND (h.closed_date IS NULL OR h.closed_date > :as_of)
    AND days_between(h.rectified_date, :as_of) >= :sign_off_days
    AND (:f_district = '' OR instr(:f_district, ',' || h.district_code || ',') > 0)
ORDER BY h.rectified_date, h.district_code, h.school_code, h.hazard_id
