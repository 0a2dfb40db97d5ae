-- The moves of schools between districts (warehouse schools/moves.jsonl), oldest first by move_sequence: from
-- effective_from on, the school belongs to to_district.
CREATE TABLE raw_school_moves (
    move_sequence BIGINT,
    school_code STRING,
    from_district STRING,
    to_district STRING,
    effective_from DATE
)
