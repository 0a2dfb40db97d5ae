-- One closed set of the taxonomy (category, school type, inspection type, severity, status), in display order.
SELECT code, name_zh, name_en, sort_order
FROM ref_term
WHERE kind = :kind
