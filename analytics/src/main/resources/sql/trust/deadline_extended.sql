-- Ledger trust rule deadline_extended: a deadline moved later after it was missed. From one snapshot of a hazard to the
-- next the deadline d became later, d was already earlier than the later snapshot's report date (it had passed when
-- the change was reported), and the hazard was not rectified by d.
-- Evidence: both snapshots, the old and the new deadline.
SELECT
    'deadline_extended' AS rule_code,
    l.school_code,
    l.hazard_id,
    e.batch_id AS earlier_batch_id,
    e.report_date AS earlier_report_date,
    l.batch_id,
    l.report_date,
    CAST(e.deadline AS STRING) AS value_before,
    CAST(l.deadline AS STRING) AS value_after,
    CAST(NULL AS INTEGER) AS amount,
    CAST(NULL AS INTEGER) AS amount_of
FROM hazard_history l
JOIN hazard_history e ON e.school_code = l.school_code
    AND e.hazard_id = l.hazard_id
    AND e.snapshot_number = l.snapshot_number - 1
WHERE l.deadline > e.deadline
    AND e.deadline < l.report_date
    AND (l.rectified_date IS NULL OR l.rectified_date > e.deadline)
