package cn.xiaoan.analytics.serving;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A serving connection bound to one model version's schema, keeping its prepared statements: planning the figure SQL
 * costs more than running it on the cubes, and the SQL texts repeat (one per breakdown shape). Used by one thread
 * at a time, borrowed from and returned to {@link ServingDatabase}.
 */
public final class ServingSession implements AutoCloseable {
    private static final int CACHED_STATEMENTS = 64;

    private final String schema;
    private final Connection connection;
    private final Map<String, PreparedStatement> statements = new LinkedHashMap<>(16, 0.75f, true);

    ServingSession(String schema, Connection connection) {
        this.schema = schema;
        this.connection = connection;
    }

    String schema() {
        return schema;
    }

    /** The statement for this SQL text, prepared once per session; parameters cleared for the caller to bind. */
    public PreparedStatement prepare(String sql) throws SQLException {
        PreparedStatement statement = statements.get(sql);
        if (statement == null) {
            statement = connection.prepareStatement(sql);
            statements.put(sql, statement);
            if (statements.size() > CACHED_STATEMENTS) {
                var eldest = statements.entrySet().iterator().next();
                statements.remove(eldest.getKey());
                eldest.getValue().close();
            }
        } else {
            statement.clearParameters();
        }
        return statement;
    }

    /** The list as a JDBC array of this connection, to bind to a statement of this session. */
    public Array array(SqlList list) throws SQLException {
        return connection.createArrayOf(list.elementType(), list.elements().toArray());
    }

    @Override
    public void close() {
        try {
            for (PreparedStatement statement : statements.values()) {
                statement.close();
            }
            connection.close();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot close a serving connection: " + e.getMessage(), e);
        }
    }
}
