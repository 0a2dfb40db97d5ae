-- Spark's definitions of the engine-specific functions the model SQL uses (DuckDB's are in duckdb.sql).
-- days_between(a, b): whole days from date a to date b (negative when b is earlier).
CREATE OR REPLACE TEMPORARY FUNCTION days_between(a DATE, b DATE) RETURNS INT RETURN datediff(b, a);
