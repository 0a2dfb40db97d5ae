-- The current state of every hazard (docs/FIGURES.md, snapshot rule): its row from the latest snapshot by report date,
-- ties broken by the later ingest (batch id), then by the later row of the same file.
-- NULLS LAST is explicit because DuckDB and Spark order NULLs differently by default.
-- district_code is the district that owned the school on found_date (school_district_periods), so a school's moves
-- leave the hazards found before a move with the old district; NULL for a school missing from the register.
SELECT
    ranked.hazard_id,
    ranked.school_code,
    p.district_code,
    ranked.school_name,
    ranked.found_date,
    ranked.inspection_type,
    ranked.inspector,
    ranked.category,
    ranked.location,
    ranked.description,
    ranked.severity,
    ranked.measures,
    ranked.temporary_measures,
    ranked.responsible_person,
    ranked.deadline,
    ranked.status,
    ranked.rectified_date,
    ranked.closed_date,
    ranked.basis,
    ranked.warnings,
    ranked.extra,
    ranked.report_date,
    ranked.batch_id,
    ranked.source_row,
    -- responsibility and 督办 (issue 20): appended, grouped
    ranked.responsible_unit,
    ranked.supervised,
    ranked.supervised_by,
    ranked.supervised_date
FROM (
    SELECT
        raw_ledger.*,
        ROW_NUMBER() OVER (
            PARTITION BY school_code, hazard_id
            ORDER BY report_date DESC NULLS LAST, batch_id DESC, source_row DESC
        ) AS snapshot_rank
    FROM raw_ledger
) ranked
LEFT JOIN school_district_periods p ON p.school_code = ranked.school_code
    AND (p.valid_from IS NULL OR ranked.found_date >= p.valid_from)
    AND (p.valid_to IS NULL OR ranked.found_date < p.valid_to)
WHERE ranked.snapshot_rank = 1
