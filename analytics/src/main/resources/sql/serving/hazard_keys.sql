-- Every hazard of current_hazards without its text: the keys, dimensions and dates the warning lists and the school
-- page select and sort by, whether the text fields they ask about are empty, and where the hazard's row is in
-- current_hazards' Parquet (source_file, source_row). The serving database holds it in memory (compressed: ≈ 45 MB
-- at 10M hazards, where current_hazards with its text would take gigabytes), so a list scans memory instead of every
-- hazard's Parquet, then reads the text of its page's rows alone by joining current_hazard_rows on their location.
-- Ordered by found date: every list asks for hazards found on or before a date (open or overdue at D, rectified by D,
-- found in P; a deadline or rectified date is never before found_date), so the scan skips the row groups found after
-- it. Ordered by school instead, the one-school list skipped the other schools' rows, but the warning lists at
-- 10M hazards and a mid-span date took a third longer (460 against 340 ms for the seven).
SELECT
    hazard_id,
    school_code,
    district_code,
    category,
    severity,
    inspection_type,
    found_date,
    deadline,
    rectified_date,
    closed_date,
    temporary_measures IS NULL OR trim(temporary_measures) = '' AS lacks_temporary_measures,
    responsible_unit IS NULL OR trim(responsible_unit) = '' AS lacks_responsible_unit,
    supervised,
    filename AS source_file,
    file_row_number AS source_row
FROM current_hazard_rows
ORDER BY found_date, school_code
