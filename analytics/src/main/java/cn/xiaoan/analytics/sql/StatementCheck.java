package cn.xiaoan.analytics.sql;

import cn.xiaoan.analytics.sql.SqlRejectedException.Reason;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Set;

/**
 * Checks an analyst's text with DuckDB's own parser before it is prepared: preparing a multi-statement string runs
 * every statement but the last, and {@code COPY … TO} writes even into an allowed directory, so the text must be
 * exactly one statement that {@code json_serialize_sql} can serialise (SELECT, WITH, FROM-first, VALUES, DESCRIBE,
 * SUMMARIZE, SHOW; everything else is refused by the serialiser). The parse tree then must call no table function
 * but the row generators and no settings probe. The locked-down instance stays the real barrier; this is the first.
 */
final class StatementCheck {
    /** Table functions that generate rows without touching files or the catalogue's internals. */
    private static final Set<String> ALLOWED_TABLE_FUNCTIONS = Set.of("range", "generate_series", "unnest");
    /** Scalar functions that reveal the instance's configuration (allowed directories are warehouse paths). */
    private static final Set<String> FORBIDDEN_SCALAR_FUNCTIONS = Set.of("current_setting", "getenv");

    private final ObjectMapper json = new ObjectMapper();

    void check(Connection connection, String sql) {
        if (sql.isBlank()) {
            throw new SqlRejectedException(
                    Reason.NOT_ONE_STATEMENT, "请输入一条 SELECT 语句", "Enter one SELECT statement; the text is empty");
        }
        JsonNode tree = parse(connection, sql);
        if (tree.path("error").asBoolean(true)) {
            String type = tree.path("error_type").asText("");
            String message = tree.path("error_message").asText("");
            if (type.equals("not implemented")) {
                throw new SqlRejectedException(
                        Reason.NOT_READ_ONLY,
                        "只允许只读查询（SELECT、WITH、VALUES、DESCRIBE、SUMMARIZE、SHOW）",
                        "Only read-only queries are allowed (SELECT, WITH, VALUES, DESCRIBE, SUMMARIZE, SHOW);"
                                + " COPY, ATTACH, SET, PRAGMA, INSTALL, LOAD, CREATE and the like are refused");
            }
            throw new SqlRejectedException(
                    Reason.SYNTAX, "SQL 语法错误：" + message, "SQL syntax error: " + message + "; fix the statement");
        }
        int statements = tree.path("statements").size();
        if (statements != 1) {
            throw new SqlRejectedException(
                    Reason.NOT_ONE_STATEMENT,
                    "每次只能执行一条语句，而这里有 " + statements + " 条",
                    "Run exactly one statement at a time; the text holds " + statements);
        }
        checkFunctions(tree.path("statements"));
    }

    private JsonNode parse(Connection connection, String sql) {
        try (PreparedStatement statement = connection.prepareStatement("SELECT json_serialize_sql(?::VARCHAR)")) {
            statement.setString(1, sql);
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                return json.readTree(result.getString(1));
            }
        } catch (SQLException | com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("Cannot parse the analyst statement with DuckDB: " + e.getMessage(), e);
        }
    }

    /** Walks the whole tree, so functions in subqueries, CTEs, joins and expressions are all seen. */
    private static void checkFunctions(JsonNode node) {
        if (node.isObject()) {
            if ("TABLE_FUNCTION".equals(node.path("type").asText())) {
                String name = functionName(node.path("function"));
                if (!ALLOWED_TABLE_FUNCTIONS.contains(name)) {
                    throw forbidden(name);
                }
            }
            if ("FUNCTION".equals(node.path("class").asText())
                    && FORBIDDEN_SCALAR_FUNCTIONS.contains(functionName(node))) {
                throw forbidden(functionName(node));
            }
        }
        node.forEach(StatementCheck::checkFunctions);
    }

    private static String functionName(JsonNode function) {
        return function.path("function_name").asText("").toLowerCase(Locale.ROOT);
    }

    private static SqlRejectedException forbidden(String name) {
        return new SqlRejectedException(
                Reason.FORBIDDEN_FUNCTION,
                "不允许调用函数 " + name + "()：请查询数据字典中的表和视图（表函数只可用 range、generate_series、unnest）",
                "The function " + name + "() is not available: query the tables and views of the data dictionary"
                        + " (the only table functions are range, generate_series and unnest)");
    }
}
