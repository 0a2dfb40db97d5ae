-- found 发现隐患数: hazards with found_date in the period.
SELECT cell.row_code, cell.column_code, CAST(COALESCE(SUM(h.is_found), 0) AS DOUBLE) AS value
FROM cells cell
LEFT JOIN hazards h ON h.row_code = cell.row_code AND h.column_code = cell.column_code
GROUP BY cell.row_code, cell.column_code
