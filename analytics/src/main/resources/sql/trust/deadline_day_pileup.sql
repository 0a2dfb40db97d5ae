-- Ledger trust rule deadline_day_pileup: rectifications piled on the deadline day. In a month (of rectified_date, current
-- state) with at least :pileup_min_rectifications of a school's rectifications, more than :pileup_share of them are
-- dated exactly on their deadline. Every rectification on its deadline day in such a month is a finding.
-- Evidence: the hazard's current snapshot, its deadline and rectified date; amount = rectifications on the deadline day
-- that month, amount_of = the school's rectifications that month.
WITH rectifications AS (
    SELECT
        school_code,
        hazard_id,
        batch_id,
        report_date,
        deadline,
        rectified_date,
        substr(CAST(rectified_date AS STRING), 1, 7) AS rectified_month
    FROM current_hazards
    WHERE rectified_date IS NOT NULL
),
months AS (
    SELECT
        school_code,
        rectified_month,
        COUNT(*) AS rectified,
        SUM(CASE WHEN rectified_date = deadline THEN 1 ELSE 0 END) AS on_deadline
    FROM rectifications
    GROUP BY school_code, rectified_month
)
SELECT
    'deadline_day_pileup' AS rule_code,
    r.school_code,
    r.hazard_id,
    CAST(NULL AS BIGINT) AS earlier_batch_id,
    CAST(NULL AS DATE) AS earlier_report_date,
    r.batch_id,
    r.report_date,
    CAST(r.deadline AS STRING) AS value_before,
    CAST(r.rectified_date AS STRING) AS value_after,
    CAST(m.on_deadline AS INTEGER) AS amount,
    CAST(m.rectified AS INTEGER) AS amount_of
FROM rectifications r
JOIN months m ON m.school_code = r.school_code AND m.rectified_month = r.rectified_month
WHERE r.rectified_date = r.deadline
    AND m.rectified >= :pileup_min_rectifications
    AND CAST(m.on_deadline AS DOUBLE) > :pileup_share * m.rectified
