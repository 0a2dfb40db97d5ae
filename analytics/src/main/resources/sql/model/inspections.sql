-- Every inspection visit as submitted (a visit that found nothing still counts).
SELECT school_code, visit_date, inspection_type, inspector, report_date, batch_id, source_row
FROM raw_inspections
