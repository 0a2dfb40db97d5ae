package cn.xiaoan.analytics.figure;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The functions of {@code sql/dialect/functions.sql} (hazard state, risk weight, campaign baseline), defined once in
 * engine-neutral SQL and rendered as each engine's DDL: a DuckDB macro, a Spark temporary SQL function. Both engines
 * then run the same expression, so the meaning is the same by construction.
 */
public final class SqlFunctions {
    static final String RESOURCE = "dialect/functions.sql";

    private static final Pattern DEFINITION = Pattern.compile(
            "FUNCTION\\s+([a-z_]+)\\s*\\(([^)]*)\\)\\s+RETURNS\\s+([A-Z]+)\\s+AS\\s+(.+)", Pattern.DOTALL);
    private static final Pattern PARAMETER = Pattern.compile("([a-z_]+)\\s+([A-Z]+)");
    private static final String CAMPAIGN_BASELINE = ":campaign_baseline";

    private SqlFunctions() {}

    /** One function: its typed parameters, result type and body (an expression over the parameters). */
    record Definition(String name, List<Parameter> parameters, String returns, String body) {
        Definition {
            requireNonNull(name, "name");
            parameters = List.copyOf(parameters);
            requireNonNull(returns, "returns");
            requireNonNull(body, "body");
        }

        /** DuckDB macros are untyped: the body is inlined where it is called. */
        public String duckDb() {
            return "CREATE OR REPLACE MACRO " + name + "("
                    + parameters.stream().map(Parameter::name).collect(Collectors.joining(", ")) + ") AS " + body;
        }

        public String spark() {
            return "CREATE OR REPLACE TEMPORARY FUNCTION " + name + "("
                    + parameters.stream().map(p -> p.name() + " " + p.type()).collect(Collectors.joining(", "))
                    + ") RETURNS " + returns + " RETURN " + body;
        }
    }

    record Parameter(String name, String type) {
        Parameter {
            requireNonNull(name, "name");
            requireNonNull(type, "type");
        }
    }

    /** Every definition, in file order (a function may call one defined above it). */
    static List<Definition> definitions() {
        String text = SqlTemplate.load(RESOURCE).text();
        var definitions = new ArrayList<Definition>();
        for (String statement : text.split(";")) {
            if (statement.isBlank()) {
                continue;
            }
            Matcher matcher = DEFINITION.matcher(statement.strip());
            if (!matcher.matches()) {
                throw new IllegalStateException(
                        "Cannot read /sql/" + RESOURCE + ": not a FUNCTION definition: " + statement.strip());
            }
            definitions.add(new Definition(
                    matcher.group(1),
                    parameters(matcher.group(1), matcher.group(2)),
                    matcher.group(3),
                    matcher.group(4).strip().replace(CAMPAIGN_BASELINE, "DATE '" + Campaign.BASELINE + "'")));
        }
        return List.copyOf(definitions);
    }

    /** The statements that define every function on DuckDB, in order. */
    public static List<String> duckDb() {
        return definitions().stream().map(Definition::duckDb).toList();
    }

    /** The statements that define every function on Spark, in order. */
    public static List<String> spark() {
        return definitions().stream().map(Definition::spark).toList();
    }

    private static List<Parameter> parameters(String function, String list) {
        if (list.isBlank()) {
            return List.of();
        }
        return Arrays.stream(list.split(","))
                .map(String::strip)
                .map(parameter -> {
                    Matcher matcher = PARAMETER.matcher(parameter);
                    if (!matcher.matches()) {
                        throw new IllegalStateException("Cannot read /sql/" + RESOURCE + ": parameter \"" + parameter
                                + "\" of " + function + " is not \"name TYPE\"");
                    }
                    return new Parameter(matcher.group(1), matcher.group(2));
                })
                .toList();
    }
}
