-- Every return (报送) as a submission: one row per dataset, batch and school, with the rows the school's part of the
-- batch brought. A batch with rows is the return of each school its rows name; a batch without rows (a nil return,
-- 零报告: headers and no rows) is the return of the school its 填报单位 names (register code or name), with 0 rows.
-- The returns calendar (sql/returns/) reads this table against a campaign's cadence.
SELECT dataset, batch_id, report_date, school_code, rows_submitted
FROM (
    SELECT 'ledger' AS dataset, batch_id, report_date, school_code, COUNT(*) AS rows_submitted
    FROM raw_ledger GROUP BY batch_id, report_date, school_code
    UNION ALL
    SELECT 'inspections' AS dataset, batch_id, report_date, school_code, COUNT(*) AS rows_submitted
    FROM raw_inspections GROUP BY batch_id, report_date, school_code
    UNION ALL
    SELECT 'drills' AS dataset, batch_id, report_date, school_code, COUNT(*) AS rows_submitted
    FROM raw_drills GROUP BY batch_id, report_date, school_code
    UNION ALL
    SELECT 'surveys' AS dataset, batch_id, report_date, school_code, COUNT(*) AS rows_submitted
    FROM raw_surveys GROUP BY batch_id, report_date, school_code
    UNION ALL
    SELECT 'schools' AS dataset, batch_id, report_date, school_code, COUNT(*) AS rows_submitted
    FROM raw_schools GROUP BY batch_id, report_date, school_code
    UNION ALL
    SELECT b.dataset, b.batch_id, b.report_date, s.school_code, CAST(0 AS BIGINT) AS rows_submitted
    FROM raw_batches b
    JOIN dim_school s ON s.school_code = b.reporting_unit OR s.name = b.reporting_unit
    WHERE b.rows_read = 0
) submissions
