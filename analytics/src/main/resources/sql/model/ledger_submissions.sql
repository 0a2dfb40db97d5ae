-- Who submitted ledger rows when: one row per school and report date, from every submitted batch (not only the
-- current state), for the "no ledger submission in a month" warning.
SELECT school_code, report_date, COUNT(*) AS ledger_rows, MIN(batch_id) AS first_batch_id
FROM raw_ledger
GROUP BY school_code, report_date
