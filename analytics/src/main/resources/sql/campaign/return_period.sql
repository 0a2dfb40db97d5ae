-- One period of a campaign return (docs/CAMPAIGNS.md, "Returns") school by school: the area's schools (districts
-- :area_districts and named schools :area_schools, ",code-or-name,…,"), narrowed to the caller's districts, and the
-- returns of :dataset in return_submissions dated from :opens to :late_until (up to :as_of). A return dated by :due is
-- on time, after it late; a nil return (no rows) counts only when the rule allows it (:nil_allowed = 1). Nothing by
-- :due while :due is still ahead of :as_of is not due yet; otherwise it is missing.
WITH area AS (
    SELECT s.school_code, s.name AS school_name, s.district_code
    FROM dim_school s
    WHERE (instr(:area_districts, ',' || s.district_code || ',') > 0
           OR instr(:area_schools, ',' || s.school_code || ',') > 0
           OR instr(:area_schools, ',' || s.name || ',') > 0)
      AND (:f_district = '' OR instr(:f_district, ',' || s.district_code || ',') > 0)
),
returned AS (
    SELECT school_code, report_date, rows_submitted
    FROM return_submissions
    WHERE dataset = :dataset AND report_date >= :opens AND report_date <= :late_until AND report_date <= :as_of
      AND (rows_submitted > 0 OR :nil_allowed = 1)
),
per_school AS (
    SELECT
        a.school_code,
        a.school_name,
        a.district_code,
        MIN(CASE WHEN r.report_date <= :due THEN r.report_date END) AS on_time_date,
        MAX(CASE WHEN r.report_date <= :due THEN r.rows_submitted END) AS on_time_rows,
        MIN(CASE WHEN r.report_date > :due THEN r.report_date END) AS late_date,
        MAX(CASE WHEN r.report_date > :due THEN r.rows_submitted END) AS late_rows
    FROM area a
    LEFT JOIN returned r ON r.school_code = a.school_code
    GROUP BY a.school_code, a.school_name, a.district_code
)
SELECT
    school_code,
    school_name,
    district_code,
    CASE
        WHEN on_time_date IS NOT NULL AND on_time_rows > 0 THEN 'ON_TIME'
        WHEN on_time_date IS NOT NULL THEN 'NIL'
        WHEN late_date IS NOT NULL THEN 'LATE'
        WHEN :due >= :as_of THEN 'NOT_DUE'
        ELSE 'MISSING'
    END AS status,
    COALESCE(on_time_date, late_date) AS returned_on,
    COALESCE(on_time_rows, late_rows) AS rows_returned
FROM per_school
ORDER BY district_code, school_code
