package cn.xiaoan.analytics.serving;

import cn.xiaoan.analytics.figure.SqlTemplate;
import cn.xiaoan.analytics.publish.ModelTable;
import java.util.Map;

/**
 * Tables and views the serving database derives from a model version's tables when it opens it, beside them: row
 * locators into a hazard-sized Parquet file, and narrow projections held in memory where the full rows are too large
 * to hold. They are created in declaration order, so one may read those declared before it.
 */
public enum ServingTable {
    /**
     * current_hazards' Parquet with each row's {@code filename} and {@code file_row_number}. Joined on those to a page of
     * hazard_keys, it reads the text of the page's rows alone: DuckDB pushes a join's few build keys into the scan as
     * a filter, and a filter on the row number skips straight to the rows, where one on hazard ids still reads every id.
     */
    CURRENT_HAZARD_ROWS("current_hazard_rows", ModelTable.CURRENT_HAZARDS),
    /**
     * current_hazards of registered schools without its text, with what lists filter and sort by joined in, in memory
     * ({@code sql/serving/hazard_keys.sql}).
     */
    HAZARD_KEYS("hazard_keys", null);

    private final String tableName;
    /** The model table whose Parquet this locates rows in; null for a projection held in memory. */
    private final ModelTable located;

    ServingTable(String tableName, ModelTable located) {
        this.tableName = tableName;
        this.located = located;
    }

    public String tableName() {
        return tableName;
    }

    /**
     * The statement creating it as {@code name}: a view over the located model table's Parquet (its DuckDB source in
     * {@code parquetSources}), or a table filled by its SQL over the version's tables.
     */
    String create(String name, Map<ModelTable, String> parquetSources) {
        if (located != null) {
            return "CREATE OR REPLACE VIEW " + name + " AS SELECT * FROM read_parquet("
                    + SqlTemplate.quote(parquetSources.get(located)) + ", filename = true, file_row_number = true)";
        }
        return "CREATE OR REPLACE TABLE " + name + " AS "
                + SqlTemplate.load("serving/" + tableName + ".sql").positional().sql();
    }
}
