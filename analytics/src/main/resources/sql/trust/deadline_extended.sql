-- Ledger trust rule deadline_extended: a deadline moved later after it had passed. A snapshot of a hazard showed the
-- deadline d with d earlier than that snapshot's own report date (the ledger itself said it had passed), and the next
-- snapshot shows a deadline after d. Whether the hazard was rectified does not matter: moving a passed deadline is what
-- the rule looks for (it is how a late rectification is made to look on time).
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
    -- the deadline had passed at the earlier snapshot's own report date, whatever its status (not is_overdue_at: a
    -- rectified hazard's passed deadline moved later is a finding too)
    AND e.report_date > e.deadline
