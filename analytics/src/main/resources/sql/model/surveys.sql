-- Every security facility survey as submitted; figures pick the latest survey on or before the as-of date.
SELECT
    school_code,
    survey_date,
    closed_management,
    full_time_guards,
    one_key_alarm,
    video_police_link,
    school_guard_post,
    anti_ram_barriers,
    report_date,
    batch_id,
    source_row
FROM raw_surveys
