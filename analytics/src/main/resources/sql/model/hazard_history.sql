-- Every snapshot of every hazard: one row per hazard per standing batch that reported it (withdrawn batches are not
-- read; a re-sent file is one more snapshot under its own batch id and report date, as in raw_ledger). A hazard listed
-- twice in one file keeps its later row, as the current state does. snapshot_number counts the hazard's snapshots in
-- the order of current_hazards (report date, then batch), so the highest number is its current state.
-- district_code is the district that owned the school on the row's found_date (school_district_periods).
-- note is the row's remark, when the file had one: the first non-empty extra column named 备注, 说明, 情况说明, note(s)
-- or remark(s) (ingest keeps columns outside the schema in extra as JSON; the ledger trust audit reads it). The pattern
-- stops at the first quote, which is enough to tell a note from none, and has no backslash so that both engines read
-- the literal alike.
SELECT
    ranked.school_code,
    ranked.hazard_id,
    p.district_code,
    CAST(ROW_NUMBER() OVER (
        PARTITION BY ranked.school_code, ranked.hazard_id
        ORDER BY ranked.report_date NULLS FIRST, ranked.batch_id
    ) AS INTEGER) AS snapshot_number,
    ranked.batch_id,
    ranked.report_date,
    b.ingested_at,
    b.file_name,
    ranked.source_row,
    ranked.status,
    ranked.found_date,
    ranked.deadline,
    ranked.rectified_date,
    ranked.closed_date,
    ranked.severity,
    ranked.category,
    ranked.location,
    ranked.description,
    ranked.responsible_person,
    ranked.measures,
    ranked.temporary_measures,
    NULLIF(trim(regexp_extract(
        ranked.extra, '"(备注|说明|情况说明|[Nn]otes|[Nn]ote|[Rr]emarks|[Rr]emark)":"([^"]+)"', 2)), '') AS note,
    -- responsibility and 督办 (issue 20): appended, grouped
    ranked.responsible_unit,
    ranked.supervised,
    ranked.supervised_by,
    ranked.supervised_date
FROM (
    SELECT
        raw_ledger.*,
        ROW_NUMBER() OVER (
            PARTITION BY school_code, hazard_id, batch_id
            ORDER BY source_row DESC
        ) AS row_rank
    FROM raw_ledger
) ranked
LEFT JOIN raw_batches b ON b.dataset = 'ledger' AND b.batch_id = ranked.batch_id
LEFT JOIN school_district_periods p ON p.school_code = ranked.school_code
    AND (p.valid_from IS NULL OR ranked.found_date >= p.valid_from)
    AND (p.valid_to IS NULL OR ranked.found_date < p.valid_to)
WHERE ranked.row_rank = 1
