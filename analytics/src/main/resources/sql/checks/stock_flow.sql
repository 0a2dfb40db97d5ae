-- The stock-flow identity of docs/FIGURES.md: opening + new - resolved = closing, for every calendar year the model
-- holds a found or rectified date in, per district, category and severity (MAJOR first). The four numbers use the
-- predicates of figures.sql (stock_flow_*): opening is open at the day before the year (is_open_at), new is found in
-- the year, resolved is rectified in the year, closing is open at the year's end. ModelBuilder runs this over the
-- hazard_facts table an engine has just written, before publishing it: every row here is a cell where the identity
-- fails, and fails the build.
WITH
years AS (
    SELECT DISTINCT year(found_date) AS y FROM hazard_facts
    UNION
    SELECT DISTINCT year(rectified_date) AS y FROM hazard_facts WHERE rectified_date IS NOT NULL
),
periods AS (
    SELECT y, make_date(y, 1, 1) AS period_start, make_date(y, 12, 31) AS period_end,
        make_date(y - 1, 12, 31) AS day_before_period
    FROM years
),
cells AS (
    SELECT
        p.y AS year,
        f.district_code,
        f.category,
        f.severity,
        SUM(CASE WHEN is_open_at(f.found_date, f.rectified_date, p.day_before_period) THEN f.hazards ELSE 0 END)
            AS opening,
        SUM(CASE WHEN f.found_date >= p.period_start AND f.found_date <= p.period_end THEN f.hazards ELSE 0 END)
            AS new_hazards,
        SUM(CASE WHEN f.rectified_date >= p.period_start AND f.rectified_date <= p.period_end THEN f.hazards ELSE 0 END)
            AS resolved,
        SUM(CASE WHEN is_open_at(f.found_date, f.rectified_date, p.period_end) THEN f.hazards ELSE 0 END) AS closing
    FROM hazard_facts f
    CROSS JOIN periods p
    GROUP BY p.y, f.district_code, f.category, f.severity
)
SELECT year, district_code, category, severity, opening, new_hazards, resolved, closing
FROM cells
WHERE opening + new_hazards - resolved <> closing
ORDER BY CASE WHEN severity = 'MAJOR' THEN 0 ELSE 1 END, severity, year, district_code, category
