-- Warning list: registered schools that submitted no ledger row with a report date in the month
-- [:month_start, :month_end] (a school with nothing to report still submits its ledger), with their latest
-- submission before the month's end, if any.
-- One page of the list, rows :offset to :offset + :limit, with the list's size in every row (total); an empty page
-- is one row with the total and NULL columns.
WITH matching AS (
    SELECT
        s.school_code,
        s.name AS school_name,
        s.district_code,
        s.school_type,
        MAX(CASE WHEN l.report_date <= :month_end THEN l.report_date END) AS last_report_date
    FROM dim_school s
    LEFT JOIN ledger_submissions l ON l.school_code = s.school_code
    WHERE (:f_district = '' OR instr(:f_district, ',' || s.district_code || ',') > 0)
    GROUP BY s.school_code, s.name, s.district_code, s.school_type
    HAVING COUNT(CASE WHEN l.report_date >= :month_start AND l.report_date <= :month_end THEN 1 END) = 0
)
SELECT t.total, p.*
FROM (SELECT COUNT(*) AS total FROM matching) t
LEFT JOIN (
    SELECT *
    FROM matching
    ORDER BY district_code, school_code
    LIMIT :limit OFFSET :offset
) p ON TRUE
ORDER BY p.district_code, p.school_code
