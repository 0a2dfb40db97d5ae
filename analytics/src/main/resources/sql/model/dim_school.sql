-- One row per school: its latest register row (by report date, then later ingest) for name, type, boarding and
-- enrolment; its district is the one that owns it now (school_district_periods' open period: first registration, then
-- moves), with the district's names. A school whose district is not in the reference data keeps its row with NULL
-- names rather than vanishing.
SELECT
    s.school_code,
    s.name,
    p.district_code,
    d.name_zh AS district_name_zh,
    d.name_en AS district_name_en,
    d.city_code,
    s.school_type,
    s.boarding,
    s.students,
    s.report_date,
    s.batch_id
FROM (
    SELECT
        school_code,
        name,
        school_type,
        boarding,
        students,
        report_date,
        batch_id,
        ROW_NUMBER() OVER (
            PARTITION BY school_code
            ORDER BY report_date DESC NULLS LAST, batch_id DESC, source_row DESC
        ) AS register_rank
    FROM raw_schools
) s
JOIN school_district_periods p ON p.school_code = s.school_code AND p.valid_to IS NULL
LEFT JOIN dim_district d ON d.code = p.district_code
WHERE s.register_rank = 1
