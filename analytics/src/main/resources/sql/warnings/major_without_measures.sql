-- Warning list: MAJOR hazards open at D (docs/FIGURES.md "open") whose ledger row gives no temporary measures
-- (临时管控措施), the oldest first.
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
    CASE WHEN is_overdue_at(h.found_date, h.rectified_date, h.deadline, :as_of)
        THEN days_between(h.deadline, :as_of) ELSE 0 END AS days_overdue
FROM current_hazards h
JOIN dim_school s ON s.school_code = h.school_code
WHERE h.severity = 'MAJOR'
    AND is_open_at(h.found_date, h.rectified_date, :as_of)
    AND (h.temporary_measures IS NULL OR trim(h.temporary_measures) = '')
    AND (:f_district = '' OR instr(:f_district, ',' || h.district_code || ',') > 0)
ORDER BY h.found_date, h.district_code, h.school_code, h.hazard_id
