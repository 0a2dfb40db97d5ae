-- The raw security facility surveys (安防设施调查: the six 100% indicators) as ingest writes them.
CREATE TABLE raw_surveys (
    batch_id BIGINT,
    report_date DATE,
    source_row INTEGER,
    extra STRING,
    school_code STRING,
    survey_date DATE,
    closed_management BOOLEAN,
    full_time_guards BOOLEAN,
    one_key_alarm BOOLEAN,
    video_police_link BOOLEAN,
    school_guard_post BOOLEAN,
    anti_ram_barriers BOOLEAN
)
