package cn.xiaoan.analytics.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.xiaoan.analytics.fixture.TwoDistrictModel;
import cn.xiaoan.domain.Warehouse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataDictionaryTest {
    @TempDir
    Path root;

    @Test
    void documentsEveryModelTableAndColumnWithItsTypeAndNothingElse() throws Exception {
        Warehouse warehouse = TwoDistrictModel.build(new Warehouse(root));
        Map<String, Map<String, String>> model = schema(ParquetTable.discover(warehouse.model(1)));
        DataDictionary dictionary = DataDictionary.load();

        var drift = new ArrayList<String>();
        for (var table : model.entrySet()) {
            var documented = dictionary.table(table.getKey());
            if (documented.isEmpty()) {
                drift.add("missing table `" + table.getKey() + "` with columns " + table.getValue());
                continue;
            }
            for (var column : table.getValue().entrySet()) {
                var entry = documented.get().column(column.getKey());
                if (entry.isEmpty()) {
                    drift.add("missing column " + table.getKey() + ".`" + column.getKey() + "` | " + column.getValue());
                } else if (!entry.get().type().equals(column.getValue())) {
                    drift.add(table.getKey() + "." + column.getKey() + " is " + column.getValue()
                            + ", the dictionary says " + entry.get().type());
                }
            }
            documented.get().columns().stream()
                    .filter(column -> !table.getValue().containsKey(column.name()))
                    .forEach(column -> drift.add("no such column " + table.getKey() + "." + column.name()));
        }
        dictionary.tables().stream()
                .filter(table -> !model.containsKey(table.name()))
                .forEach(table -> drift.add("no such table " + table.name()));

        assertThat(drift).as("docs/DATA_DICTIONARY.md against the built model").isEmpty();
    }

    @Test
    void readsDescriptionsAndColumnsFromTheMarkdown() {
        DataDictionary dictionary = DataDictionary.parse("""
                # Data dictionary
                Intro text, not a table.

                ## `dim_thing`
                事物维表。
                The things.

                | column | type | 中文 | English |
                | --- | --- | --- | --- |
                | `code` | VARCHAR | 代码 | Code |
                | `sort_order` | INTEGER | 显示顺序 | Display order |

                ## Notes
                | not | a | table | row |
                """);

        assertThat(dictionary.tables()).hasSize(1);
        DataDictionary.Table table = dictionary.table("dim_thing").orElseThrow();
        assertThat(table.comment()).isEqualTo("事物维表。 / The things.");
        assertThat(table.columns())
                .containsExactly(
                        new DataDictionary.Column("code", "VARCHAR", "代码", "Code"),
                        new DataDictionary.Column("sort_order", "INTEGER", "显示顺序", "Display order"));
    }

    @Test
    void refusesATableWithoutBothDescriptionsOrAColumnWithoutChinese() {
        assertThatThrownBy(() -> DataDictionary.parse("""
                        ## `dim_thing`
                        The things.

                        | column | type | 中文 | English |
                        | `code` | VARCHAR | 代码 | Code |
                        """))
                .hasMessageContaining("table dim_thing needs one line of Chinese description");
        assertThatThrownBy(() -> DataDictionary.parse("""
                        ## `dim_thing`
                        事物维表。
                        The things.

                        | `code` | VARCHAR | code | Code |
                        """))
                .hasMessageContaining("column dim_thing.code needs a Chinese and an English description");
    }

    private static Map<String, Map<String, String>> schema(List<ParquetTable> tables) throws Exception {
        var schema = new LinkedHashMap<String, Map<String, String>>();
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
                Statement statement = connection.createStatement()) {
            for (ParquetTable table : tables) {
                var columns = new LinkedHashMap<String, String>();
                try (ResultSet rows = statement.executeQuery("DESCRIBE SELECT * FROM " + table.readExpression())) {
                    while (rows.next()) {
                        columns.put(rows.getString("column_name"), rows.getString("column_type"));
                    }
                }
                schema.put(table.name(), columns);
            }
        }
        return schema;
    }
}
