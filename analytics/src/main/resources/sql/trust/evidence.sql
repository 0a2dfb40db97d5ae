-- The evidence rows of one school's trust findings (over trust_findings, as scores.sql), with the hazard's current
-- description, category and severity; the school must be in :scope_district. By rule, hazard, then report date.
SELECT
    f.rule_code,
    f.hazard_id,
    c.description,
    c.category,
    cat.name_zh AS category_name_zh,
    cat.name_en AS category_name_en,
    c.severity,
    f.earlier_batch_id,
    f.earlier_report_date,
    f.batch_id,
    f.report_date,
    f.value_before,
    f.value_after,
    f.amount,
    f.amount_of
FROM trust_findings f
JOIN dim_school s ON s.school_code = f.school_code
LEFT JOIN current_hazards c ON c.school_code = f.school_code AND c.hazard_id = f.hazard_id
LEFT JOIN dim_category cat ON cat.code = c.category
WHERE f.school_code = :school_code
    AND (:scope_district = '' OR instr(:scope_district, ',' || s.district_code || ',') > 0)
ORDER BY f.rule_code, f.hazard_id, f.report_date, f.batch_id
