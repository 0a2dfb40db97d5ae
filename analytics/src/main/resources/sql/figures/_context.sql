-- The relations every figure reads, for one breakdown (rows × columns) at one as-of date and period.
-- {{...}} are identifiers from the Dimension registry (never request text); :name values are bound parameters.
--   cells         every (row, column) pair of the two dimensions' reference members, with or without hazards
--   hazards       each hazard in its current state, placed in its cell, with its state at the as-of date:
--                 open        found_date <= D and (rectified_date is null or > D); not limited to the period
--                 overdue     open with deadline < D (no deadline: never overdue)
--                 found       found_date in [period start, period end]
--                 rectified   found with rectified_date <= D
--                 weight      GENERAL 1, MAJOR 5 (risk_index)
--   cell_schools  the number of schools in each cell: schools matching the cell's school dimensions
--                 (district, school type); hazard dimensions (category, ...) do not restrict schools
WITH cells AS (
    SELECT row_member.code AS row_code, column_member.code AS column_code
    FROM {{row_members}} row_member
    CROSS JOIN {{column_members}} column_member
),
placed_hazards AS (
    SELECT
        {{row_value}} AS row_code,
        {{column_value}} AS column_code,
        h.severity,
        h.found_date,
        h.deadline,
        h.rectified_date
    FROM current_hazards h
    JOIN dim_school s ON s.school_code = h.school_code
),
hazards AS (
    SELECT
        row_code,
        column_code,
        CASE WHEN found_date <= :as_of AND (rectified_date IS NULL OR rectified_date > :as_of)
            THEN 1 ELSE 0 END AS is_open,
        CASE WHEN found_date <= :as_of AND (rectified_date IS NULL OR rectified_date > :as_of)
                AND deadline < :as_of
            THEN 1 ELSE 0 END AS is_overdue,
        CASE WHEN found_date >= :period_start AND found_date <= :period_end
            THEN 1 ELSE 0 END AS is_found,
        CASE WHEN found_date >= :period_start AND found_date <= :period_end AND rectified_date <= :as_of
            THEN 1 ELSE 0 END AS is_rectified,
        CASE WHEN severity = 'MAJOR' THEN 5 ELSE 1 END AS weight
    FROM placed_hazards
),
cell_schools AS (
    SELECT cell.row_code, cell.column_code, COUNT(s.school_code) AS schools
    FROM cells cell
    LEFT JOIN dim_school s ON {{row_school_match}} AND {{column_school_match}}
    GROUP BY cell.row_code, cell.column_code
)
