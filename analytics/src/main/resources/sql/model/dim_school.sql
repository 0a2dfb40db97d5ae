-- One row per school: its latest register row (by report date, then later ingest), with its district's names.
-- A school whose district is not in the reference data keeps its row with NULL names rather than vanishing.
SELECT
    s.school_code,
    s.name,
    s.district_code,
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
        district_code,
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
LEFT JOIN dim_district d ON d.code = s.district_code
WHERE s.register_rank = 1
