-- The 整改责任清单 (responsibility list, the second of the 两个清单): one row per hazard in its current state, of a
-- registered school, with what was decided for it: measures, responsible unit and person, deadline, status and the
-- 督办 listing. Narrowed by the caller's scope (:scope_district) and districts (:f_district), both ',CODE,…,' or '':
--   :open_only TRUE     hazards open at D (sql/dialect/functions.sql is_open_at): what is still to rectify
--   :f_status           the ledger's status codes (',OPEN,IN_PROGRESS,'), '' for any
--   :f_supervised TRUE  only hazards listed for supervision
-- Hazards found after D are left out. Ordered by district (display order), MAJOR first, then the deadline (none
-- first: the hazards nobody has set a time for), school and hazard id. :limit bounds the rows; total counts them all.
WITH listed AS (
    SELECT
        h.district_code,
        dis.name_zh AS district_name_zh,
        dis.name_en AS district_name_en,
        h.school_code,
        s.name AS school_name,
        h.hazard_id,
        h.category,
        h.severity,
        h.location,
        h.description,
        h.measures,
        h.temporary_measures,
        h.responsible_unit,
        h.responsible_person,
        h.found_date,
        h.deadline,
        h.status,
        st.name_zh AS status_name_zh,
        st.name_en AS status_name_en,
        h.rectified_date,
        h.closed_date,
        h.supervised,
        h.supervised_by,
        h.supervised_date,
        CASE WHEN is_overdue_at(h.found_date, h.rectified_date, h.deadline, :as_of)
            THEN days_between(h.deadline, :as_of) END AS days_overdue,
        dis.sort_order AS district_order,
        sev.sort_order AS severity_order
    FROM current_hazards h
    JOIN dim_school s ON s.school_code = h.school_code
    LEFT JOIN dim_district dis ON dis.code = h.district_code
    LEFT JOIN dim_severity sev ON sev.code = h.severity
    LEFT JOIN dim_status st ON st.code = h.status
    WHERE (:scope_district = '' OR instr(:scope_district, ',' || h.district_code || ',') > 0)
        AND (:f_district = '' OR instr(:f_district, ',' || h.district_code || ',') > 0)
        AND (:f_status = '' OR instr(:f_status, ',' || h.status || ',') > 0)
        AND (:f_supervised = FALSE OR h.supervised)
        AND h.found_date <= :as_of
        AND (:open_only = FALSE OR is_open_at(h.found_date, h.rectified_date, :as_of))
)
SELECT *, COUNT(*) OVER () AS total
FROM listed
ORDER BY district_order NULLS LAST, district_code, severity_order DESC NULLS LAST, deadline NULLS FIRST,
    school_code, hazard_id
LIMIT :limit
