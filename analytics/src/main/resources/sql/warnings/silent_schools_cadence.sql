-- Warning list, driven by the primary campaign's return cadence (docs/CAMPAIGNS.md, "Returns"): registered schools
-- (in the caller's districts) with no return of :dataset for the latest period due before :as_of — none dated from
-- :opens to :late_until (a nil return counts when the rule allows one: :nil_allowed = 1) — with their latest return
-- of that dataset up to :as_of, if any. Same columns as silent_schools.sql.
-- One page of the list, rows :offset to :offset + :limit, with the list's size in every row (total); an empty page
-- is one row with the total and NULL columns.
WITH matching AS (
    SELECT
        s.school_code,
        s.name AS school_name,
        s.district_code,
        s.school_type,
        MAX(CASE WHEN r.report_date <= :as_of THEN r.report_date END) AS last_report_date
    FROM dim_school s
    LEFT JOIN return_submissions r
        ON r.school_code = s.school_code AND r.dataset = :dataset AND (r.rows_submitted > 0 OR :nil_allowed = 1)
    WHERE (:f_district = '' OR instr(:f_district, ',' || s.district_code || ',') > 0)
    GROUP BY s.school_code, s.name, s.district_code, s.school_type
    HAVING COUNT(CASE WHEN r.report_date >= :opens AND r.report_date <= :late_until AND r.report_date <= :as_of
                      THEN 1 END) = 0
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
