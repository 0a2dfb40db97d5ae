-- Which district owned each school when: one row per school and period, valid_from inclusive, valid_to exclusive.
-- A school belongs to the district of its first registration (the first committed register row by batch id, i.e.
-- ingest order, never by the report date a clerk chooses) from the beginning (valid_from NULL), then to the district
-- of each move (raw_school_moves, in log order) from the move's effective date. The open period (valid_to NULL) is
-- the school's current district. Two moves effective on the same day leave an empty period (valid_from = valid_to),
-- which no date falls into. Moves of codes never registered are ignored (ingest refuses them anyway).
WITH first_registration AS (
    SELECT school_code, district_code
    FROM (
        SELECT
            school_code,
            district_code,
            ROW_NUMBER() OVER (PARTITION BY school_code ORDER BY batch_id, source_row) AS registration_rank
        FROM raw_schools
    ) registrations
    WHERE registration_rank = 1
),
changes AS (
    SELECT school_code, district_code, CAST(NULL AS DATE) AS valid_from, CAST(0 AS BIGINT) AS move_sequence
    FROM first_registration
    UNION ALL
    SELECT m.school_code, m.to_district AS district_code, m.effective_from AS valid_from, m.move_sequence
    FROM raw_school_moves m
    JOIN first_registration f ON f.school_code = m.school_code
)
SELECT
    school_code,
    district_code,
    valid_from,
    LEAD(valid_from) OVER (PARTITION BY school_code ORDER BY move_sequence) AS valid_to,
    move_sequence
FROM changes
