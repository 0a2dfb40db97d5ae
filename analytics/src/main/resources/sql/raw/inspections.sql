-- The raw inspection log (检查记录), one row per visit, as ingest writes it.
CREATE TABLE raw_inspections (
    batch_id BIGINT,
    report_date DATE,
    source_row INTEGER,
    extra STRING,
    school_code STRING,
    visit_date DATE,
    inspection_type STRING,
    inspector STRING
)
