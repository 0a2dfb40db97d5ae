-- rectification_rate 整改率: rectified / found; undefined (NULL) when nothing was found in the period.
SELECT
    row_code,
    column_code,
    CASE WHEN found = 0 THEN NULL ELSE CAST(rectified AS DOUBLE) / found END AS value
FROM (
    SELECT
        cell.row_code,
        cell.column_code,
        COALESCE(SUM(h.is_found), 0) AS found,
        COALESCE(SUM(h.is_rectified), 0) AS rectified
    FROM cells cell
    LEFT JOIN hazards h ON h.row_code = cell.row_code AND h.column_code = cell.column_code
    GROUP BY cell.row_code, cell.column_code
) counts
