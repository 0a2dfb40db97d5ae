-- Warning list: MAJOR hazards open at D (docs/FIGURES.md "open") whose ledger row gives no temporary measures
-- (临时管控措施), the oldest first. One page of it with the list's total, as overdue_hazards.sql explains.
WITH matching AS (
    SELECT h.hazard_id, h.school_code, h.school_name, h.district_code, h.source_file, h.source_row, h.found_date
    FROM hazard_keys h
    WHERE h.severity = 'MAJOR'
        AND is_open_at(h.found_date, h.rectified_date, :as_of)
        AND h.lacks_temporary_measures
        AND (:f_district = '' OR instr(:f_district, ',' || h.district_code || ',') > 0)
),
page AS (
    SELECT *
    FROM matching
    ORDER BY found_date, district_code, school_code, hazard_id
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
        h.inspection_type,
        p.found_date,
        h.deadline,
        h.responsible_person,
        h.temporary_measures,
        h.description,
        CASE WHEN is_overdue_at(h.found_date, h.rectified_date, h.deadline, :as_of)
            THEN days_between(h.deadline, :as_of) ELSE 0 END AS days_overdue
    FROM page p
    -- by the rows' place in the Parquet: DuckDB pushes the page's few row numbers into the scan, which reads those rows'
    -- text alone (serving/hazard_keys.sql)
    JOIN current_hazard_rows h ON h.filename = p.source_file AND h.file_row_number = p.source_row
)
SELECT t.total, d.*
FROM (SELECT COUNT(*) AS total FROM matching) t
LEFT JOIN details d ON TRUE
ORDER BY d.found_date, d.district_code, d.school_code, d.hazard_id
