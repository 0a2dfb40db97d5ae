-- Ledger trust rule vanished: a hazard present in one of a school's snapshots, neither RECTIFIED nor CLOSED there, and
-- absent from the school's next snapshot. A school's snapshots are the batches in which it has rows, in report-date
-- order (then batch id, as hazard_history numbers a hazard's snapshots).
-- Evidence: the snapshot that last listed the hazard (earlier) and the one that left it out, its last status.
WITH school_snapshots AS (
    SELECT
        school_code,
        batch_id,
        report_date,
        ROW_NUMBER() OVER (PARTITION BY school_code ORDER BY report_date NULLS FIRST, batch_id) AS school_snapshot
    FROM (SELECT DISTINCT school_code, batch_id, report_date FROM hazard_history) files
),
listed AS (
    SELECT h.school_code, h.hazard_id, h.status, h.batch_id, h.report_date, s.school_snapshot
    FROM hazard_history h
    JOIN school_snapshots s ON s.school_code = h.school_code AND s.batch_id = h.batch_id
)
SELECT
    'vanished' AS rule_code,
    r.school_code,
    r.hazard_id,
    r.batch_id AS earlier_batch_id,
    r.report_date AS earlier_report_date,
    n.batch_id,
    n.report_date,
    r.status AS value_before,
    CAST(NULL AS STRING) AS value_after,
    CAST(NULL AS INTEGER) AS amount,
    CAST(NULL AS INTEGER) AS amount_of
FROM listed r
JOIN school_snapshots n ON n.school_code = r.school_code AND n.school_snapshot = r.school_snapshot + 1
LEFT JOIN listed x ON x.school_code = r.school_code
    AND x.hazard_id = r.hazard_id
    AND x.school_snapshot = n.school_snapshot
WHERE x.hazard_id IS NULL
    AND (r.status IS NULL OR r.status NOT IN ('RECTIFIED', 'CLOSED'))
