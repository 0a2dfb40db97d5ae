-- risk_index 风险指数: 100 × Σ over hazards open at the as-of date of weight × (2 if overdue else 1),
-- divided by the number of schools in the cell; 0 where the cell has no schools (then nothing can be open).
SELECT
    cell.row_code,
    cell.column_code,
    CASE WHEN cs.schools = 0 THEN CAST(0 AS DOUBLE)
        ELSE 100 * CAST(COALESCE(SUM(h.weight * h.is_open * (1 + h.is_overdue)), 0) AS DOUBLE) / cs.schools
    END AS value
FROM cells cell
JOIN cell_schools cs ON cs.row_code = cell.row_code AND cs.column_code = cell.column_code
LEFT JOIN hazards h ON h.row_code = cell.row_code AND h.column_code = cell.column_code
GROUP BY cell.row_code, cell.column_code, cs.schools
