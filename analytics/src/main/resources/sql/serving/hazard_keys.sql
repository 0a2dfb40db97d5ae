-- Every hazard of current_hazards without its text: the keys, dimensions and dates the warning lists and the school
-- page select and sort by, whether the text fields they ask about are empty, and where the hazard's row is in
-- current_hazards' Parquet (source_file, source_row). The serving database holds it in memory (compressed: ≈ 45 MB
-- at 10M hazards, where current_hazards with its text would take gigabytes), so a list scans memory instead of every
-- hazard's Parquet, then reads the text of its page's rows alone by joining current_hazard_rows on their location.
-- Ordered by school, so a school's hazards sit together and a question about one school skips the others.
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
    is_blank(temporary_measures) AS lacks_temporary_measures,
    is_blank(responsible_unit) AS lacks_responsible_unit,
    supervised,
    filename AS source_file,
    file_row_number AS source_row
FROM current_hazard_rows
ORDER BY school_code, found_date
