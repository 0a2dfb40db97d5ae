-- The current state of every hazard (DOMAIN.md): its row from the latest snapshot by report date,
-- ties broken by the later ingest (batch id), then by the later row of the same file.
-- NULLS LAST is explicit because DuckDB and Spark order NULLs differently by default.
SELECT
    hazard_id,
    school_code,
    school_name,
    found_date,
    inspection_type,
    inspector,
    category,
    location,
    description,
    severity,
    measures,
    temporary_measures,
    responsible_person,
    deadline,
    status,
    rectified_date,
    closed_date,
    basis,
    warnings,
    extra,
    report_date,
    batch_id,
    source_row
FROM (
    SELECT
        raw_ledger.*,
        ROW_NUMBER() OVER (
            PARTITION BY school_code, hazard_id
            ORDER BY report_date DESC NULLS LAST, batch_id DESC, source_row DESC
        ) AS snapshot_rank
    FROM raw_ledger
) ranked
WHERE snapshot_rank = 1
