-- Every supervision (督查) contact with a school, for supervision_coverage: a visit of type SUPERVISION in the
-- inspection log, or a hazard found by SUPERVISION (its current state). One row per school and date.
SELECT DISTINCT school_code, event_date
FROM (
    SELECT school_code, visit_date AS event_date FROM inspections WHERE inspection_type = 'SUPERVISION'
    UNION ALL
    SELECT school_code, found_date AS event_date FROM current_hazards WHERE inspection_type = 'SUPERVISION'
) events
