package cn.xiaoan.analytics.campaign;

import static java.util.Objects.requireNonNull;

import cn.xiaoan.domain.Dataset;
import java.util.Optional;

/**
 * A return (报送) the campaign asks of each school: which dataset (none for a written report or summary), when, and
 * whether a nil return (零报告, a submission with no rows) counts as returned.
 */
public record ReturnRule(
        String id,
        LocalizedName name,
        Optional<Dataset> dataset,
        Cadence cadence,
        DateRange dates,
        boolean nilAllowed) {
    public ReturnRule {
        requireNonNull(id, "id");
        requireNonNull(name, "name");
        requireNonNull(dataset, "dataset");
        requireNonNull(cadence, "cadence");
        requireNonNull(dates, "dates");
    }
}
