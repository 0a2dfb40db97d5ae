/**
 * Analyst SQL over the published model: one read-only statement in a locked-down DuckDB that can read only the
 * caller's scope, with a row cap, a time limit, a concurrency gate and a query log; and the DuckDB file export.
 */
package cn.xiaoan.analytics.sql;
