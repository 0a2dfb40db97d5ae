-- A school's latest emergency drills on or before D, newest first.
SELECT drill_date, drill_type
FROM drills
WHERE school_code = :school_code AND drill_date <= :as_of
ORDER BY drill_date DESC, batch_id DESC, source_row DESC
LIMIT :limit
