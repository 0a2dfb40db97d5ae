-- The few functions the engine-neutral SQL uses that DuckDB and Spark spell differently; Spark registers the same
-- names as functions of its own (SparkBuildEngine). Keep the list short and the meaning identical.
-- days_between(a, b): whole days from date a to date b (b - a), NULL when either is NULL.
CREATE OR REPLACE MACRO days_between(a, b) AS CAST(datediff('day', a, b) AS INTEGER)
