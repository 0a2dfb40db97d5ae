-- Calendar months of every year the data touches (found, deadline, rectified, visit, drill, survey, report dates),
-- with the codes the month/quarter/year breakdowns use ('2024-03', '2024-Q1', '2024') and the teaching-month flag
-- of drill_compliance (Mar–Jun and Sep–Dec). Month codes are defined here once; other tables join on month_start.
SELECT
    CAST(y.year AS STRING) || '-' || lpad(CAST(m.month AS STRING), 2, '0') AS month_code,
    CAST(y.year AS STRING) || '-Q' || CAST(quarter(make_date(y.year, m.month, 1)) AS STRING) AS quarter_code,
    CAST(y.year AS STRING) AS year_code,
    make_date(y.year, m.month, 1) AS month_start,
    last_day(make_date(y.year, m.month, 1)) AS month_end,
    make_date(y.year, quarter(make_date(y.year, m.month, 1)) * 3 - 2, 1) AS quarter_start,
    m.month IN (3, 4, 5, 6, 9, 10, 11, 12) AS teaching_month,
    y.year * 100 + m.month AS sort_order
FROM (
    SELECT DISTINCT CAST(year(d) AS INTEGER) AS year
    FROM (
        SELECT found_date AS d FROM raw_ledger
        UNION ALL SELECT deadline FROM raw_ledger
        UNION ALL SELECT rectified_date FROM raw_ledger
        UNION ALL SELECT report_date FROM raw_ledger
        UNION ALL SELECT visit_date FROM raw_inspections
        UNION ALL SELECT drill_date FROM raw_drills
        UNION ALL SELECT survey_date FROM raw_surveys
    ) dates
    WHERE d IS NOT NULL
) y
CROSS JOIN (VALUES (1), (2), (3), (4), (5), (6), (7), (8), (9), (10), (11), (12)) AS m (month)
