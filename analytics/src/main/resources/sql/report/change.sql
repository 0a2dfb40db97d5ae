-- The change of a figure from a previous period to the current one, in the figure's own unit (counts in hazards,
-- rates in fractions, so 0.05 reads as 5 percentage points; days in days). NULL when either value is undefined (a
-- rate over an empty denominator): an undefined value has no change.
SELECT CAST(:current AS DOUBLE) - CAST(:previous AS DOUBLE) AS change
