-- overdue 超期未整改: hazards open at the as-of date whose deadline is before it.
SELECT cell.row_code, cell.column_code, CAST(COALESCE(SUM(h.is_overdue), 0) AS DOUBLE) AS value
FROM cells cell
LEFT JOIN hazards h ON h.row_code = cell.row_code AND h.column_code = cell.column_code
GROUP BY cell.row_code, cell.column_code
