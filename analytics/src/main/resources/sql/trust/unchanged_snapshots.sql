-- Ledger trust rule unchanged_snapshots: a school re-sending an unchanged ledger. A school snapshot is identical to the
-- school's previous one when both have the same hazards with the same content (status, dates, severity, category,
-- location, description, responsible person, measures, note; 序号, row order and the file itself are ignored). A run of
-- at least :unchanged_min_repeats identical snapshots in a row (monthly returns: three months unchanged) is a finding
-- for every hazard still OPEN or IN_PROGRESS in the run's last snapshot.
-- Evidence: the snapshot the run repeats (earlier) and its last repeat; amount = the repeats.
WITH school_snapshots AS (
    SELECT
        school_code,
        batch_id,
        report_date,
        hazards,
        ROW_NUMBER() OVER (PARTITION BY school_code ORDER BY report_date NULLS FIRST, batch_id) AS school_snapshot
    FROM (
        SELECT school_code, batch_id, report_date, COUNT(*) AS hazards
        FROM hazard_history
        GROUP BY school_code, batch_id, report_date
    ) files
),
listed AS (
    SELECT h.*, s.school_snapshot
    FROM hazard_history h
    JOIN school_snapshots s ON s.school_code = h.school_code AND s.batch_id = h.batch_id
),
unchanged_rows AS (
    SELECT c.school_code, c.school_snapshot, COUNT(*) AS unchanged
    FROM listed c
    JOIN listed p ON p.school_code = c.school_code
        AND p.hazard_id = c.hazard_id
        AND p.school_snapshot = c.school_snapshot - 1
    WHERE c.status IS NOT DISTINCT FROM p.status
        AND c.found_date IS NOT DISTINCT FROM p.found_date
        AND c.deadline IS NOT DISTINCT FROM p.deadline
        AND c.rectified_date IS NOT DISTINCT FROM p.rectified_date
        AND c.closed_date IS NOT DISTINCT FROM p.closed_date
        AND c.severity IS NOT DISTINCT FROM p.severity
        AND c.category IS NOT DISTINCT FROM p.category
        AND c.location IS NOT DISTINCT FROM p.location
        AND c.description IS NOT DISTINCT FROM p.description
        AND c.responsible_person IS NOT DISTINCT FROM p.responsible_person
        AND c.measures IS NOT DISTINCT FROM p.measures
        AND c.temporary_measures IS NOT DISTINCT FROM p.temporary_measures
        AND c.note IS NOT DISTINCT FROM p.note
    GROUP BY c.school_code, c.school_snapshot
),
repeats AS (
    SELECT
        s.school_code,
        s.school_snapshot,
        s.school_snapshot - ROW_NUMBER() OVER (PARTITION BY s.school_code ORDER BY s.school_snapshot) AS run
    FROM school_snapshots s
    JOIN school_snapshots p ON p.school_code = s.school_code AND p.school_snapshot = s.school_snapshot - 1
    JOIN unchanged_rows u ON u.school_code = s.school_code AND u.school_snapshot = s.school_snapshot
    WHERE s.hazards = p.hazards AND u.unchanged = s.hazards
),
runs AS (
    SELECT school_code, MIN(school_snapshot) AS first_repeat, MAX(school_snapshot) AS last_repeat, COUNT(*) AS repeats
    FROM repeats
    GROUP BY school_code, run
    HAVING COUNT(*) >= :unchanged_min_repeats
)
SELECT
    'unchanged_snapshots' AS rule_code,
    h.school_code,
    h.hazard_id,
    base.batch_id AS earlier_batch_id,
    base.report_date AS earlier_report_date,
    h.batch_id,
    h.report_date,
    h.status AS value_before,
    CAST(NULL AS STRING) AS value_after,
    CAST(r.repeats AS INTEGER) AS amount,
    CAST(NULL AS INTEGER) AS amount_of
FROM runs r
JOIN school_snapshots base ON base.school_code = r.school_code AND base.school_snapshot = r.first_repeat - 1
JOIN listed h ON h.school_code = r.school_code AND h.school_snapshot = r.last_repeat
WHERE h.status IN ('OPEN', 'IN_PROGRESS')
