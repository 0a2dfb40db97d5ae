-- The change of each figure from a previous period to the current one, in the figure's own unit (counts in hazards,
-- rates in fractions, so 0.05 reads as 5 percentage points; days in days). NULL when either value is undefined (a
-- rate over an empty denominator): an undefined value has no change.
-- One statement for every figure compared (:positions, :current_values and :previous_values are lists of equal
-- length, zipped by unnest), not one per figure.
SELECT
    position,
    CAST(current_value AS DOUBLE) - CAST(previous_value AS DOUBLE) AS change
FROM (
    SELECT
        unnest(:positions) AS position,
        unnest(:current_values) AS current_value,
        unnest(:previous_values) AS previous_value
)
ORDER BY position
