-- open 未整改: hazards open at the as-of date (a stock, not limited to the period).
SELECT cell.row_code, cell.column_code, CAST(COALESCE(SUM(h.is_open), 0) AS DOUBLE) AS value
FROM cells cell
LEFT JOIN hazards h ON h.row_code = cell.row_code AND h.column_code = cell.column_code
GROUP BY cell.row_code, cell.column_code
