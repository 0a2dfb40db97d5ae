-- One registered school (its latest register row) with its district's names, if the caller's scope holds it.
SELECT
    s.school_code,
    s.name,
    s.district_code,
    s.district_name_zh,
    s.district_name_en,
    s.school_type,
    CASE WHEN s.boarding THEN 'Y' ELSE 'N' END AS boarding,
    s.students,
    s.report_date
FROM dim_school s
WHERE s.school_code = :school_code
    AND (:scope_district = '' OR instr(:scope_district, ',' || s.district_code || ',') > 0)
