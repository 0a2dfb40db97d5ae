-- The raw emergency drill records (应急演练记录) as ingest writes them.
CREATE TABLE raw_drills (
    batch_id BIGINT,
    report_date DATE,
    source_row INTEGER,
    extra STRING,
    school_code STRING,
    drill_date DATE,
    drill_type STRING
)
