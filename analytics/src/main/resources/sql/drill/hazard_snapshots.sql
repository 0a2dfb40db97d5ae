-- Every standing snapshot of one hazard (model/hazard_history.sql), oldest first, with its status's names. The caller
-- checks the scope on the hazard's current state (drill/hazard.sql) before asking.
SELECT
    h.snapshot_number,
    h.batch_id,
    h.report_date,
    h.ingested_at,
    h.file_name,
    h.status,
    st.name_zh AS status_name_zh,
    st.name_en AS status_name_en,
    h.found_date,
    h.deadline,
    h.rectified_date,
    h.closed_date,
    h.responsible_person,
    h.measures
FROM hazard_history h
LEFT JOIN dim_status st ON st.code = h.status
WHERE h.school_code = :school_code
    AND h.hazard_id = :hazard_id
ORDER BY h.snapshot_number
