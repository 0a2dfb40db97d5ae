-- A school's hazards by found month over [:period_start, :period_end] (months without hazards are absent): found
-- (found_date in the month), of which MAJOR, and of which still open at D (is_open_at, as sql/figures/figures.sql).
SELECT
    year(h.found_date) AS found_year,
    month(h.found_date) AS found_month,
    COUNT(*) AS found,
    SUM(CASE WHEN h.severity = 'MAJOR' THEN 1 ELSE 0 END) AS major_found,
    SUM(CASE WHEN is_open_at(h.found_date, h.rectified_date, :as_of) THEN 1 ELSE 0 END) AS still_open
FROM current_hazards h
WHERE h.school_code = :school_code
    AND h.found_date >= :period_start AND h.found_date <= :period_end
GROUP BY year(h.found_date), month(h.found_date)
