-- The raw school register (学校名册) as ingest writes it.
CREATE TABLE raw_schools (
    batch_id BIGINT,
    report_date DATE,
    source_row INTEGER,
    extra STRING,
    school_code STRING,
    name STRING,
    district_code STRING,
    school_type STRING,
    boarding BOOLEAN,
    students INTEGER
)
