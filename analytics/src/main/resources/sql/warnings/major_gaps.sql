-- Warning lists of MAJOR hazards open at D (docs/FIGURES.md "open") that lack what the seeds ask of every one ("整改责任
-- 单位、责任人与整改时限"), the oldest first; :gap says which:
--   deadline          no rectification deadline (整改期限). on_time_rate counts only hazards due by D, so these are
--                     silently outside it: they can never be late and are never overdue.
--   responsible_unit  no responsible unit (整改责任单位; a ledger without the column names none).
-- One page of the list with its total, as overdue_hazards.sql explains.
WITH matching AS (
    SELECT h.hazard_id, h.school_code, h.school_name, h.district_code, h.source_file, h.source_row, h.found_date
    FROM hazard_keys h
    WHERE h.severity = 'MAJOR'
        AND is_open_at(h.found_date, h.rectified_date, :as_of)
        AND CASE :gap
            WHEN 'deadline' THEN h.deadline IS NULL
            WHEN 'responsible_unit' THEN h.lacks_responsible_unit
        END
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
        h.responsible_unit,
        h.supervised,
        h.description,
        days_between(p.found_date, :as_of) AS days_open
    FROM page p
    -- by the rows' place in the Parquet: DuckDB pushes the page's few row numbers into the scan, which reads those rows'
    -- text alone (serving/hazard_keys.sql)
    JOIN current_hazard_rows h ON h.filename = p.source_file AND h.file_row_number = p.source_row
)
SELECT t.total, d.*
FROM (SELECT COUNT(*) AS total FROM matching) t
LEFT JOIN details d ON TRUE
ORDER BY d.found_date, d.district_code, d.school_code, d.hazard_id
