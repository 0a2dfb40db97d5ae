-- hazard_cube summed over school type, boarding and inspection type: the heatmap's cube.
-- Month-aligned questions whose breakdown and filters use only district, category and severity (and time) read this instead of
-- hazard_cube: the same columns, the other dimensions NULL, a fraction of the rows.
SELECT
    district_code,
    CAST(NULL AS STRING) AS school_type,
    CAST(NULL AS STRING) AS boarding,
    category,
    severity,
    CAST(NULL AS STRING) AS inspection_type,
    found_month,
    found_quarter,
    found_year,
    found_date,
    deadline,
    rectified_date,
    CAST(SUM(days_to_rectify) AS BIGINT) AS days_to_rectify,
    CAST(SUM(hazards) AS BIGINT) AS hazards,
    CAST(SUM(self_hazards) AS BIGINT) AS self_hazards,
    CAST(SUM(on_time_hazards) AS BIGINT) AS on_time_hazards,
    closed_date,
    CAST(SUM(days_to_close) AS BIGINT) AS days_to_close
FROM hazard_cube
GROUP BY
    district_code,
    category,
    severity,
    found_month,
    found_quarter,
    found_year,
    found_date,
    deadline,
    rectified_date,
    closed_date
