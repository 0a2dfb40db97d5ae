-- Warning list: hazards overdue at the as-of date D (docs/FIGURES.md "overdue": open at D with deadline < D; an item
-- without a deadline is never overdue), most overdue first. :f_district is ',CODE,' or '' for the whole city.
-- One page of it, rows :offset to :offset + :limit, with the whole list's size in every row (total): the matching
-- hazards are narrowed to their keys and sort columns, counted, the page's few picked (top-N), and only those joined
-- to their text columns. An empty page is one row with the total and NULL columns.
-- The matching hazards are not materialised: at 10M hazards they are a million rows, and counting them and picking
-- the page in two scans of hazard_keys is faster than holding them (this list and rectified_not_closed at 10M: 1.2–1.8×
-- in alternating runs).
-- The MAJOR lists, whose matches are few, keep theirs materialised and scan once.
WITH matching AS NOT MATERIALIZED (
    SELECT
        h.hazard_id,
        h.school_code,
        h.school_name,
        h.district_code,
        h.source_file,
        h.source_row,
        h.severity,
        h.deadline
    FROM hazard_keys h
    WHERE is_overdue_at(h.found_date, h.rectified_date, h.deadline, :as_of)
        AND (:f_district = '' OR instr(:f_district, ',' || h.district_code || ',') > 0)
),
page AS (
    SELECT *
    FROM matching
    -- most overdue first is the earliest deadline first: sorted by the column, days_overdue is worked out for the
    -- page's rows alone (details), not for every match
    ORDER BY deadline, severity DESC, district_code, school_code, hazard_id
    LIMIT :limit OFFSET :offset
),
details AS (
    SELECT
        p.hazard_id,
        p.school_code,
        p.school_name,
        p.district_code,
        h.category,
        p.severity,
        h.inspection_type,
        h.found_date,
        h.deadline,
        h.responsible_person,
        h.temporary_measures,
        h.description,
        days_between(p.deadline, :as_of) AS days_overdue
    FROM page p
    -- by the rows' place in the Parquet: DuckDB pushes the page's few row numbers into the scan, which reads those rows'
    -- text alone (serving/hazard_keys.sql)
    JOIN current_hazard_rows h ON h.filename = p.source_file AND h.file_row_number = p.source_row
)
SELECT t.total, d.*
FROM (SELECT COUNT(*) AS total FROM matching) t
LEFT JOIN details d ON TRUE
ORDER BY d.days_overdue DESC, d.severity DESC, d.district_code, d.school_code, d.hazard_id
