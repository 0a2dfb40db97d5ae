package cn.xiaoan.analytics;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The published model version one request reads, taken once at its start ({@link FigureService#snapshot()}): every
 * default and every figure of the request comes from it, so a publish meanwhile cannot mix two versions under one
 * version stamp.
 */
public final class ModelSnapshot {
    private final ServingModel model;
    private final LocalDate defaultAsOf;

    ModelSnapshot(ServingModel model, LocalDate defaultAsOf) {
        this.model = requireNonNull(model, "model");
        this.defaultAsOf = requireNonNull(defaultAsOf, "defaultAsOf");
    }

    public ModelVersion version() {
        return model.version();
    }

    /** The as-of date of a question that names none: the latest report date in the model, else the day it was taken. */
    public LocalDate defaultAsOf() {
        return defaultAsOf;
    }

    /** The period and as-of date of a question, its defaults filled in from this snapshot. */
    public ResolvedDates dates(Optional<Period> period, Optional<LocalDate> asOf) {
        return ResolvedDates.resolve(period, asOf, () -> defaultAsOf);
    }

    /** The members of a closed dimension in display order (empty for time dimensions). */
    public List<Member> members(Dimension dimension) {
        return model.members(dimension);
    }

    /** Checks filter codes against the dimension's members, returning them as the model spells them. */
    Set<String> memberCodes(Dimension dimension, Set<String> codes) {
        List<Member> members = model.members(dimension);
        var checked = new LinkedHashSet<String>();
        for (String code : codes) {
            String wanted = code.strip().toUpperCase(Locale.ROOT);
            checked.add(members.stream()
                    .map(Member::code)
                    .filter(member -> member.toUpperCase(Locale.ROOT).equals(wanted))
                    .findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("Cannot filter by " + dimension.code() + "="
                            + code + ": expected one of "
                            + String.join(
                                    ", ", members.stream().map(Member::code).toList()))));
        }
        return checked;
    }

    ServingModel model() {
        return model;
    }
}
