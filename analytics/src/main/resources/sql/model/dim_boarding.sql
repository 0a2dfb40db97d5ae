-- The boarding flag as a dimension: Y boarding schools (寄宿制), N day schools.
SELECT code, name_zh, name_en, sort_order
FROM (VALUES ('Y', '寄宿制', 'Boarding', 1), ('N', '非寄宿制', 'Day school', 2)) AS boarding (code, name_zh, name_en, sort_order)
