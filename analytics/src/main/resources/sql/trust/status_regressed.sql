-- Ledger trust rule status_regressed (docs/FIGURES.md "Ledger trust"): a hazard whose status went backwards from one
-- of its snapshots to the next (未整改 < 整改中 < 已整改 < 已销号), the later row carrying no note to explain it.
-- Evidence: the earlier and the later snapshot, the status before and after.
WITH ranked AS (
    SELECT
        h.*,
        CASE h.status WHEN 'OPEN' THEN 0 WHEN 'IN_PROGRESS' THEN 1 WHEN 'RECTIFIED' THEN 2 WHEN 'CLOSED' THEN 3 END
            AS status_rank
    FROM hazard_history h
)
SELECT
    'status_regressed' AS rule_code,
    l.school_code,
    l.hazard_id,
    e.batch_id AS earlier_batch_id,
    e.report_date AS earlier_report_date,
    l.batch_id,
    l.report_date,
    e.status AS value_before,
    l.status AS value_after,
    CAST(NULL AS INTEGER) AS amount,
    CAST(NULL AS INTEGER) AS amount_of
FROM ranked l
JOIN ranked e ON e.school_code = l.school_code
    AND e.hazard_id = l.hazard_id
    AND e.snapshot_number = l.snapshot_number - 1
WHERE l.status_rank < e.status_rank
    AND l.note IS NULL
