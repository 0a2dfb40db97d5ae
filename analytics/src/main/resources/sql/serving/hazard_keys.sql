-- Every hazard of a registered school in current_hazards (as hazard_facts), without its text: the keys, dimensions
-- and dates the hazard list, the warning lists and the school page filter, sort and page by — the school's name,
-- type and boarding flag, the found month's codes and the severity and district sort orders joined in once here,
-- so a list reads this one table alone — whether the text fields they ask about are empty, and where the hazard's
-- row is in current_hazards' Parquet (source_file, source_row). The serving database holds it in memory
-- (compressed), so a list scans memory instead of every hazard's Parquet, then reads the text of its page's rows
-- alone by joining current_hazard_rows on their location. Ordered by school, so a school's hazards sit together and
-- a question about one school skips the others.
SELECT
    h.hazard_id,
    h.school_code,
    s.name AS school_name,
    h.district_code,
    s.school_type,
    CASE WHEN s.boarding THEN 'Y' ELSE 'N' END AS boarding,
    h.category,
    h.severity,
    h.inspection_type,
    m.month_code AS found_month,
    m.quarter_code AS found_quarter,
    m.year_code AS found_year,
    h.found_date,
    h.deadline,
    h.rectified_date,
    h.closed_date,
    is_blank(h.temporary_measures) AS lacks_temporary_measures,
    is_blank(h.responsible_unit) AS lacks_responsible_unit,
    h.supervised,
    sev.sort_order AS severity_order,
    dis.sort_order AS district_order,
    h.filename AS source_file,
    h.file_row_number AS source_row
FROM current_hazard_rows h
JOIN dim_school s ON s.school_code = h.school_code
JOIN dim_month m ON m.month_start = make_date(year(h.found_date), month(h.found_date), 1)
LEFT JOIN dim_severity sev ON sev.code = h.severity
LEFT JOIN dim_district dis ON dis.code = h.district_code
ORDER BY h.school_code, h.found_date
