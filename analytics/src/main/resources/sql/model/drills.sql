-- Every emergency drill as submitted.
SELECT school_code, drill_date, drill_type, report_date, batch_id, source_row
FROM raw_drills
