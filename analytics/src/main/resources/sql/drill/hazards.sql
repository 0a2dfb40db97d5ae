-- The hazards behind a figure's cell (drill-down): one row per hazard in its current state, of a registered school
-- (as hazard_facts), narrowed by the cell's codes, the hazard state the clicked figure counts, free text and the
-- caller's scope. The state predicates are those of sql/figures/figures.sql (hazard_states), the open and overdue ones
-- the same functions (sql/dialect/functions.sql), so that the number of hazards listed equals the figure of the same
-- cell (DrillDownCountsTest checks it):
--   found              found_date in P
--   major_found        found with severity MAJOR
--   rectified          found in P and rectified_date <= D
--   open               found_date <= D and (rectified_date is null or > D)
--   overdue            open and deadline < D
--   major_open         open and severity MAJOR
--   legacy_major_open  major_open and found_date before the campaign baseline (campaign_baseline())
--   all                every hazard (no state)
-- :f_supervised TRUE keeps only hazards listed for supervision (督办).
-- Filters and the scope are bound text parameters, each ',CODE1,CODE2,' or '' for none; :scope_district is the
-- caller's districts whatever the filters say. Time filters (:f_month, :f_quarter, :f_year) are by found month, as the
-- figures' time breakdowns. {{sort_key}} and {{sort_direction}} come from the HazardSort and SortDirection enums only.
-- Cost (docs/API.md "What a hazard list and a school page cost"): listed is not materialised and reads hazard_keys
-- (serving/hazard_keys.sql, in memory without the text). The total is counted from a scan of it, and the page is a
-- top-N over the matching hazards, which keeps only the page's rows; only those are joined to their text (in
-- current_hazard_rows, by their place in the Parquet), so DuckDB never reads, holds or sorts the text of every
-- matching hazard. Free text (section text_search, left out when :text is empty) matches the school's name and the
-- hazard id in memory, and the description and location through a semi-join on current_hazard_rows. A page past the last one is a single row of the
-- total alone (on_page NULL), so the total never needs a second statement.
WITH listed AS NOT MATERIALIZED (
    SELECT
        h.hazard_id,
        h.school_code,
        h.school_name,
        h.district_code,
        h.school_type,
        h.boarding,
        h.category,
        h.severity,
        h.inspection_type,
        h.found_date,
        h.deadline,
        h.rectified_date,
        -- days past the deadline at D, for hazards overdue at D only
        CASE WHEN is_overdue_at(h.found_date, h.rectified_date, h.deadline, :as_of)
            THEN days_between(h.deadline, :as_of) END AS days_overdue,
        h.severity_order,
        h.district_order,
        h.supervised,
        h.source_file,
        h.source_row
    -- one table, no join: everything a list filters and sorts by is in hazard_keys, so counting every hazard reads
    -- memory alone (joining the school, month, severity and district tables here made state=all at 10M hazards 6×
    -- slower)
    FROM hazard_keys h
    WHERE (:scope_district = '' OR instr(:scope_district, ',' || h.district_code || ',') > 0)
        AND (:f_school = '' OR instr(:f_school, ',' || h.school_code || ',') > 0)
        -- one school (the school page): an equality, which DuckDB pushes into the scan of hazard_keys (held by school)
        AND (:one_school = '' OR h.school_code = :one_school)
        AND (:f_district = '' OR instr(:f_district, ',' || h.district_code || ',') > 0)
        AND (:f_school_type = '' OR instr(:f_school_type, ',' || h.school_type || ',') > 0)
        AND (:f_boarding = '' OR instr(:f_boarding, ',' || h.boarding || ',') > 0)
        AND (:f_category = '' OR instr(:f_category, ',' || h.category || ',') > 0)
        AND (:f_severity = '' OR instr(:f_severity, ',' || h.severity || ',') > 0)
        AND (:f_inspection_type = '' OR instr(:f_inspection_type, ',' || h.inspection_type || ',') > 0)
        AND (:f_month = '' OR instr(:f_month, ',' || h.found_month || ',') > 0)
        AND (:f_quarter = '' OR instr(:f_quarter, ',' || h.found_quarter || ',') > 0)
        AND (:f_year = '' OR instr(:f_year, ',' || h.found_year || ',') > 0)
        AND (:f_supervised = FALSE OR h.supervised)
        /* section text_search */
        AND (instr(lower(h.school_name), :text) > 0
            OR instr(lower(h.hazard_id), :text) > 0
            OR EXISTS (
                SELECT 1
                FROM current_hazard_rows t
                WHERE t.filename = h.source_file AND t.file_row_number = h.source_row
                    AND (instr(lower(COALESCE(t.description, '')), :text) > 0
                        OR instr(lower(COALESCE(t.location, '')), :text) > 0)))
        /* end text_search */
        AND CASE :state
            WHEN 'found' THEN h.found_date >= :period_start AND h.found_date <= :period_end
            WHEN 'major_found' THEN h.found_date >= :period_start AND h.found_date <= :period_end
                AND h.severity = 'MAJOR'
            WHEN 'rectified' THEN h.found_date >= :period_start AND h.found_date <= :period_end
                AND h.rectified_date <= :as_of
            WHEN 'open' THEN is_open_at(h.found_date, h.rectified_date, :as_of)
            WHEN 'overdue' THEN is_overdue_at(h.found_date, h.rectified_date, h.deadline, :as_of)
            WHEN 'major_open' THEN is_open_at(h.found_date, h.rectified_date, :as_of) AND h.severity = 'MAJOR'
            WHEN 'legacy_major_open' THEN is_open_at(h.found_date, h.rectified_date, :as_of)
                AND h.severity = 'MAJOR' AND h.found_date < campaign_baseline()
            WHEN 'all' THEN TRUE
            ELSE FALSE
        END
),
counted AS (
    SELECT COUNT(*) AS total FROM listed
),
page AS (
    SELECT *, TRUE AS on_page
    FROM listed
    ORDER BY {{sort_key}} {{sort_direction}} NULLS LAST, school_code, hazard_id
    LIMIT :limit OFFSET :offset
),
-- the page's rows with their text, by their place in the Parquet: DuckDB pushes the page's few row numbers into the
-- scan, which reads those rows' text alone (serving/hazard_keys.sql)
details AS (
    SELECT
        p.*,
        dis.name_zh AS district_name_zh,
        h.status,
        h.responsible_person,
        h.temporary_measures,
        h.description,
        h.location,
        h.responsible_unit
    FROM page p
    JOIN current_hazard_rows h ON h.filename = p.source_file AND h.file_row_number = p.source_row
    LEFT JOIN dim_district dis ON dis.code = p.district_code
)
SELECT d.*, c.total
FROM counted c
LEFT JOIN details d ON TRUE
ORDER BY d.{{sort_key}} {{sort_direction}} NULLS LAST, d.school_code, d.hazard_id
