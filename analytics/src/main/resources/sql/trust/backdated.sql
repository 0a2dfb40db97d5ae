-- Ledger trust rule backdated: a rectified date, first stated in some snapshot, that is earlier than the report date
-- of an earlier snapshot which still reported the hazard OPEN or IN_PROGRESS (the work was "done" before a report
-- that said it was not). One finding per stated rectified date, against the latest such earlier snapshot.
-- Evidence: that earlier snapshot and its status, the snapshot stating the date, the rectified date.
WITH stated AS (
    SELECT l.*
    FROM hazard_history l
    LEFT JOIN hazard_history p ON p.school_code = l.school_code
        AND p.hazard_id = l.hazard_id
        AND p.snapshot_number = l.snapshot_number - 1
    WHERE l.rectified_date IS NOT NULL
        AND (p.hazard_id IS NULL OR p.rectified_date IS NULL OR p.rectified_date <> l.rectified_date)
),
contradicted AS (
    SELECT
        l.school_code,
        l.hazard_id,
        l.batch_id,
        l.report_date,
        l.rectified_date,
        e.batch_id AS earlier_batch_id,
        e.report_date AS earlier_report_date,
        e.status AS earlier_status,
        ROW_NUMBER() OVER (
            PARTITION BY l.school_code, l.hazard_id, l.snapshot_number
            ORDER BY e.snapshot_number DESC
        ) AS latest_first
    FROM stated l
    JOIN hazard_history e ON e.school_code = l.school_code
        AND e.hazard_id = l.hazard_id
        AND e.snapshot_number < l.snapshot_number
    WHERE e.status IN ('OPEN', 'IN_PROGRESS')
        AND l.rectified_date < e.report_date
)
SELECT
    'backdated' AS rule_code,
    school_code,
    hazard_id,
    earlier_batch_id,
    earlier_report_date,
    batch_id,
    report_date,
    earlier_status AS value_before,
    CAST(rectified_date AS STRING) AS value_after,
    CAST(NULL AS INTEGER) AS amount,
    CAST(NULL AS INTEGER) AS amount_of
FROM contradicted
WHERE latest_first = 1
