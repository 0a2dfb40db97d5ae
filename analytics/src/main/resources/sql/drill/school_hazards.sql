-- One school's hazard counts and its hazards by found month, from one read of that school's hazards (the school page).
-- The school is a plain equality on school_code, which DuckDB pushes into the scan of hazard_keys (serving/
-- hazard_keys.sql, held in memory by school, so the scan skips every row group but the school's).
-- Rows: first part = 'counts', one row: the totals drill/hazards.sql lists for this school (:f_school = the school,
-- state found over [:year_start, :year_end], open, overdue and major_open at D), with its joins and the caller's
-- :scope_district on the hazard's district, so each count equals the length of the matching list (DrillDownTest).
-- Then part = 'month', one row per found month over [:period_start, :period_end] with hazards (months without hazards
-- are absent): found, of which MAJOR, of which still open at D (is_open_at, as sql/figures/figures.sql); every hazard
-- of the school, whatever the scope.
WITH school_hazards AS MATERIALIZED (
    SELECT
        h.found_date,
        h.rectified_date,
        h.deadline,
        h.severity,
        -- what drill/hazards.sql keeps: the caller's districts (hazard_keys holds only registered schools' hazards,
        -- each with its found month of the model)
        (:scope_district = '' OR instr(:scope_district, ',' || h.district_code || ',') > 0) AS listed
    FROM hazard_keys h
    WHERE h.school_code = :school_code
)
SELECT
    'counts' AS part,
    CAST(NULL AS INTEGER) AS found_year,
    CAST(NULL AS INTEGER) AS found_month,
    COUNT(*) FILTER (WHERE listed AND found_date >= :year_start AND found_date <= :year_end) AS found,
    CAST(NULL AS BIGINT) AS major_found,
    CAST(NULL AS BIGINT) AS still_open,
    COUNT(*) FILTER (WHERE listed AND is_open_at(found_date, rectified_date, :as_of)) AS open,
    COUNT(*) FILTER (WHERE listed AND is_overdue_at(found_date, rectified_date, deadline, :as_of)) AS overdue,
    COUNT(*) FILTER (WHERE listed AND is_open_at(found_date, rectified_date, :as_of) AND severity = 'MAJOR')
        AS major_open
FROM school_hazards
UNION ALL
SELECT
    'month' AS part,
    year(found_date) AS found_year,
    month(found_date) AS found_month,
    COUNT(*) AS found,
    SUM(CASE WHEN severity = 'MAJOR' THEN 1 ELSE 0 END) AS major_found,
    SUM(CASE WHEN is_open_at(found_date, rectified_date, :as_of) THEN 1 ELSE 0 END) AS still_open,
    NULL,
    NULL,
    NULL
FROM school_hazards
WHERE found_date >= :period_start AND found_date <= :period_end
GROUP BY year(found_date), month(found_date)
