package cn.xiaoan.analytics.figure;

import java.util.Collection;

/**
 * A set of codes as one bound text parameter, {@code ",A,B,"} ({@code ""} for none): the SQL tests membership with
 * {@code position(',' || code || ',' in :f_x) > 0}, which binds the same way on DuckDB and Spark.
 */
public final class CodeList {
    private CodeList() {}

    public static String of(Collection<String> codes) {
        return codes.isEmpty() ? "" : "," + String.join(",", codes) + ",";
    }
}
