package cn.xiaoan.analytics.figure;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A SQL resource with {@code {{identifier}}} slots, filled only from registries, and {@code :name} parameters, which
 * are always bound. The text stays engine-neutral: DuckDB receives {@code ?} placeholders, Spark can take the named
 * form as it is.
 */
public final class SqlTemplate {
    private static final Pattern IDENTIFIER_SLOT = Pattern.compile("\\{\\{([a-z_]+)}}");
    private static final Pattern PARAMETER = Pattern.compile("(?<![:\\w]):([a-z_]+)\\b");
    /**
     * What a registry may put into an identifier slot: names, qualified names, a list of names, simple equality, no
     * quotes.
     */
    private static final Pattern SAFE_IDENTIFIER_TEXT =
            Pattern.compile("[a-z0-9_][a-z0-9_.]*((, [a-z0-9_][a-z0-9_.]*)+| = [a-z0-9_.]+)?");

    private final String name;
    private final String text;

    private SqlTemplate(String name, String text) {
        this.name = name;
        this.text = text;
    }

    /** Loads {@code /sql/<path>} from the classpath. */
    public static SqlTemplate load(String path) {
        String resource = "/sql/" + path;
        try (InputStream in = SqlTemplate.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Cannot load SQL: " + resource + " is not on the classpath");
            }
            return new SqlTemplate(
                    resource, withoutLineComments(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot load SQL: " + resource, e);
        }
    }

    public static SqlTemplate of(String name, String text) {
        return new SqlTemplate(requireNonNull(name, "name"), withoutLineComments(requireNonNull(text, "text")));
    }

    public String name() {
        return name;
    }

    /** This template followed by another (e.g. the figure context's CTEs, then a figure's SELECT). */
    SqlTemplate then(SqlTemplate next) {
        return new SqlTemplate(name + " + " + next.name, text + "\n" + next.text);
    }

    /**
     * This template without the text from {@code /* section <name> *}{@code /} to {@code /* end <name> *}{@code /}
     * (markers included), e.g. CTEs a question does not read, which would still cost planning.
     */
    public SqlTemplate withoutSection(String section) {
        String start = "/* section " + section + " */";
        String end = "/* end " + section + " */";
        int from = text.indexOf(start);
        int to = text.indexOf(end);
        if (from < 0 || to < from) {
            throw new IllegalStateException("Cannot render " + name + ": no section " + section);
        }
        return new SqlTemplate(name, text.substring(0, from) + text.substring(to + end.length()));
    }

    /** Fills every identifier slot; each value must come from a registry and look like a plain identifier. */
    public SqlTemplate withIdentifiers(Map<String, String> identifiers) {
        Matcher matcher = IDENTIFIER_SLOT.matcher(text);
        var rendered = new StringBuilder();
        while (matcher.find()) {
            String slot = matcher.group(1);
            String value = identifiers.get(slot);
            if (value == null) {
                throw new IllegalStateException("Cannot render " + name + ": no value for {{" + slot + "}}");
            }
            if (!SAFE_IDENTIFIER_TEXT.matcher(value).matches()) {
                throw new IllegalStateException(
                        "Cannot render " + name + ": \"" + value + "\" for {{" + slot + "}} is not a plain identifier");
            }
            matcher.appendReplacement(rendered, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(rendered);
        return new SqlTemplate(name, rendered.toString());
    }

    /** The text with each {@code :name} replaced by {@code ?}, and the names in binding order. */
    public PositionalSql positional() {
        if (IDENTIFIER_SLOT.matcher(text).find()) {
            throw new IllegalStateException("Cannot render " + name + ": identifier slots are left unfilled");
        }
        Matcher matcher = PARAMETER.matcher(text);
        var names = new ArrayList<String>();
        var rendered = new StringBuilder();
        while (matcher.find()) {
            names.add(matcher.group(1));
            matcher.appendReplacement(rendered, "?");
        }
        matcher.appendTail(rendered);
        return new PositionalSql(name, rendered.toString(), names);
    }

    /** The engine-neutral text, {@code :name} parameters included (what Spark's named parameters take). */
    public String text() {
        return text;
    }

    private static String withoutLineComments(String sql) {
        // Comments may contain colons and braces; the SQL itself never holds "--" inside a string literal.
        return sql.lines()
                .map(line -> {
                    int comment = line.indexOf("--");
                    return comment < 0 ? line : line.substring(0, comment);
                })
                .filter(line -> !line.isBlank())
                .reduce((a, b) -> a + "\n" + b)
                .orElse("");
    }

    /** SQL with {@code ?} placeholders and the parameter name of each, in order. */
    public record PositionalSql(String name, String sql, List<String> parameterNames) {
        public PositionalSql {
            requireNonNull(name, "name");
            requireNonNull(sql, "sql");
            parameterNames = List.copyOf(parameterNames);
        }

        /** The values in placeholder order, taken from a map by name; every parameter must have a value. */
        public List<Object> values(Map<String, ?> parameters) {
            var values = new ArrayList<Object>(parameterNames.size());
            for (String parameter : parameterNames) {
                if (!parameters.containsKey(parameter)) {
                    throw new IllegalStateException("Cannot run " + name + ": no value for :" + parameter);
                }
                values.add(parameters.get(parameter));
            }
            return values;
        }
    }

    /** A string literal; paths come from the warehouse layout, but a quote in a directory name must not break SQL. */
    public static String quote(String text) {
        return "'" + text.replace("'", "''") + "'";
    }
}
