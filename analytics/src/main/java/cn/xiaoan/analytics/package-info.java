/**
 * Figures defined once in SQL and answered on DuckDB and Spark; {@link cn.xiaoan.analytics.Analytics} is the entry
 * point for serving. Layers, each using only those before it: {@code figure} (registry, questions, SQL templates and
 * dialect functions, engine-neutral) ← {@code publish} (the model's files, versions, retention) ← {@code build} and
 * {@code build.spark} (the model build) | {@code serving} (DuckDB over a published version) ← {@code service} (the
 * question services) ← {@code report}; {@code sql} is the analysts' console; {@code bench} measures and is used by
 * nothing else. {@code LayeringTest} (api) keeps it so.
 */
package cn.xiaoan.analytics;
