package cn.xiaoan.analytics.figure;

import static java.util.Objects.requireNonNull;

import java.sql.Date;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A question's period P and as-of date D with the defaults filled in, by the one rule every service follows: D is the
 * date asked, else the period's end, else the model's default; P is the period asked, else D's year up to D.
 */
public record ResolvedDates(Period period, LocalDate asOf) {
    public ResolvedDates {
        requireNonNull(period, "period");
        requireNonNull(asOf, "asOf");
    }

    public static ResolvedDates resolve(
            Optional<Period> period, Optional<LocalDate> asOf, Supplier<LocalDate> modelDefault) {
        LocalDate d = asOf.or(() -> period.map(Period::to)).orElseGet(modelDefault);
        return new ResolvedDates(period.orElseGet(() -> Period.yearTo(d)), d);
    }

    /** Binds {@code :period_start}, {@code :period_end} and {@code :as_of}. */
    public void bind(Map<String, Object> parameters) {
        parameters.put("period_start", Date.valueOf(period.from()));
        parameters.put("period_end", Date.valueOf(period.to()));
        parameters.put("as_of", Date.valueOf(asOf));
    }
}
