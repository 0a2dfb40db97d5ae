-- A school's latest facility survey on or before D (the one six_100_rate reads in sql/figures/figures.sql).
SELECT
    survey_date,
    closed_management,
    full_time_guards,
    one_key_alarm,
    video_police_link,
    school_guard_post,
    anti_ram_barriers
FROM surveys
WHERE school_code = :school_code AND survey_date <= :as_of
ORDER BY survey_date DESC, batch_id DESC, source_row DESC
LIMIT 1
