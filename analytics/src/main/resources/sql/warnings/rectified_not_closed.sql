-- Warning list: hazards rectified at least :sign_off_days days before D and still not signed off (销号) at D
-- (docs/FIGURES.md "rectified_not_closed", narrowed to those waiting too long), the longest waiting first. One page
-- of it with the list's total, as overdue_hazards.sql explains.
WITH matching AS NOT MATERIALIZED (
    SELECT h.hazard_id, h.school_code, h.school_name, h.district_code, h.source_file, h.source_row, h.rectified_date
    FROM hazard_keys h
    WHERE h.rectified_date <= :as_of
        AND (h.closed_date IS NULL OR h.closed_date > :as_of)
        AND days_between(h.rectified_date, :as_of) >= :sign_off_days
        AND (:f_district = '' OR instr(:f_district, ',' || h.district_code || ',') > 0)
),
page AS (
    SELECT *
    FROM matching
    ORDER BY rectified_date, district_code, school_code, hazard_id
    LIMIT :limit OFFSET :offset
),
details AS (
    SELECT
        p.hazard_id,
        p.school_code,
        p.school_name,
        p.district_code,
        h.category,
        h.severity,
        h.found_date,
        p.rectified_date,
        h.responsible_person,
        h.description,
        days_between(p.rectified_date, :as_of) AS days_since_rectified
    FROM page p
    -- by the rows' place in the Parquet: DuckDB pushes the page's few row numbers into the scan, which reads those rows'
    -- text alone (serving/hazard_keys.sql)
    JOIN current_hazard_rows h ON h.filename = p.source_file AND h.file_row_number = p.source_row
)
SELECT t.total, d.*
FROM (SELECT COUNT(*) AS total FROM matching) t
LEFT JOIN details d ON TRUE
ORDER BY d.rectified_date, d.district_code, d.school_code, d.hazard_id
