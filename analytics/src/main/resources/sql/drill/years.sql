-- The years the model's calendar covers (from the earliest date in the data to the latest report date), oldest first.
SELECT DISTINCT year_code FROM dim_month ORDER BY year_code
