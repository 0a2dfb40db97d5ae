-- The districts of the reference data, in display order.
SELECT code, name_zh, name_en, city_code, city_zh, city_en, sort_order
FROM ref_district
