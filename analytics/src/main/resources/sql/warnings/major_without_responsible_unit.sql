-- Warning list: MAJOR hazards open at D (docs/FIGURES.md "open") whose ledger row names no responsible unit
-- (整改责任单位; a ledger without the column names none), the oldest first. The seeds hold a school accountable for a
-- major hazard left without "整改责任单位、责任人与整改时限".
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
    h.responsible_unit,
    h.supervised,
    h.description,
    days_between(h.found_date, :as_of) AS days_open
FROM current_hazards h
JOIN dim_school s ON s.school_code = h.school_code
WHERE h.severity = 'MAJOR'
    AND is_open_at(h.found_date, h.rectified_date, :as_of)
    AND (h.responsible_unit IS NULL OR trim(h.responsible_unit) = '')
    AND (:f_district = '' OR instr(:f_district, ',' || h.district_code || ',') > 0)
ORDER BY h.found_date, h.district_code, h.school_code, h.hazard_id
