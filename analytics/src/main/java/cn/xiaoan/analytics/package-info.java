/** Metric SQL defined once, run on DuckDB and Spark, and the model build. */
package cn.xiaoan.analytics;
