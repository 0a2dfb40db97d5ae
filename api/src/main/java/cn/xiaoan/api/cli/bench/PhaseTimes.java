package cn.xiaoan.api.cli.bench;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Where the server's time went on one request, in milliseconds, as its {@code Server-Timing} header states (see the
 * server's {@code ServerTimings}); or the mean over several requests.
 */
record PhaseTimes(
        double auth,
        double parse,
        double plan,
        double execute,
        double shape,
        double serialise,
        double total,
        double statements) {
    static final List<String> PHASES = List.of("auth", "parse", "plan", "execute", "shape", "serialise");

    /** Reads {@code name;dur=1.234, …, statements;desc="2"}; refuses a header missing a phase. */
    static PhaseTimes parse(String header) {
        if (header == null) {
            throw new IllegalStateException("The server sent no Server-Timing header: is it older than the bench?");
        }
        Map<String, Double> values = new HashMap<>();
        for (String metric : header.split(",")) {
            String[] parts = metric.strip().split(";");
            for (int i = 1; i < parts.length; i++) {
                String parameter = parts[i].strip();
                if (parameter.startsWith("dur=")) {
                    values.put(parts[0], Double.parseDouble(parameter.substring(4)));
                } else if (parameter.startsWith("desc=")) {
                    values.put(
                            parts[0], Double.parseDouble(parameter.substring(5).replace("\"", "")));
                }
            }
        }
        for (String phase : List.of("auth", "parse", "plan", "execute", "shape", "serialise", "total", "statements")) {
            if (!values.containsKey(phase)) {
                throw new IllegalStateException("The Server-Timing header lacks " + phase + ": " + header);
            }
        }
        return new PhaseTimes(
                values.get("auth"),
                values.get("parse"),
                values.get("plan"),
                values.get("execute"),
                values.get("shape"),
                values.get("serialise"),
                values.get("total"),
                values.get("statements"));
    }

    static PhaseTimes mean(List<PhaseTimes> times) {
        int n = Math.max(1, times.size());
        return new PhaseTimes(
                times.stream().mapToDouble(PhaseTimes::auth).sum() / n,
                times.stream().mapToDouble(PhaseTimes::parse).sum() / n,
                times.stream().mapToDouble(PhaseTimes::plan).sum() / n,
                times.stream().mapToDouble(PhaseTimes::execute).sum() / n,
                times.stream().mapToDouble(PhaseTimes::shape).sum() / n,
                times.stream().mapToDouble(PhaseTimes::serialise).sum() / n,
                times.stream().mapToDouble(PhaseTimes::total).sum() / n,
                times.stream().mapToDouble(PhaseTimes::statements).sum() / n);
    }

    /** The phase by its name in {@link #PHASES}. */
    double phase(String name) {
        return switch (name) {
            case "auth" -> auth;
            case "parse" -> parse;
            case "plan" -> plan;
            case "execute" -> execute;
            case "shape" -> shape;
            case "serialise" -> serialise;
            default -> throw new IllegalArgumentException("No phase " + name);
        };
    }
}
