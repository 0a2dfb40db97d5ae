-- Ledger trust rule copied_description: the same description in many schools' ledgers. Descriptions are compared
-- trimmed and otherwise as written (a changed character is another description); one of at least :copied_min_length
-- characters in at least :copied_min_schools schools is a finding for every hazard carrying it (current state).
-- Evidence: the hazard's current snapshot and its description; amount = the schools whose ledgers carry it.
WITH texts AS (
    SELECT
        school_code,
        hazard_id,
        batch_id,
        report_date,
        description,
        trim(description) AS normalised
    FROM current_hazards
    WHERE description IS NOT NULL
),
copied AS (
    SELECT normalised, COUNT(DISTINCT school_code) AS schools
    FROM texts
    WHERE length(normalised) >= :copied_min_length
    GROUP BY normalised
    HAVING COUNT(DISTINCT school_code) >= :copied_min_schools
)
SELECT
    'copied_description' AS rule_code,
    t.school_code,
    t.hazard_id,
    CAST(NULL AS BIGINT) AS earlier_batch_id,
    CAST(NULL AS DATE) AS earlier_report_date,
    t.batch_id,
    t.report_date,
    CAST(NULL AS STRING) AS value_before,
    t.description AS value_after,
    CAST(c.schools AS INTEGER) AS amount,
    CAST(NULL AS INTEGER) AS amount_of
FROM texts t
JOIN copied c ON c.normalised = t.normalised
