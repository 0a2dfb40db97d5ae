package cn.xiaoan.analytics.figure;

import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What a {@link Question} is resolved against: one published model version, its default as-of date and the members of
 * its closed dimensions. The serving side's snapshot implements it; the figure layer needs nothing else of it.
 */
public interface ModelFacts {
    ModelVersion version();

    /** The as-of date of a question that names none: the latest report date in the model, else the day it was taken. */
    LocalDate defaultAsOf();

    /** The members of a closed dimension in display order (empty for time dimensions). */
    List<Member> members(Dimension dimension);

    /** The period and as-of date of a question, its defaults filled in from these facts. */
    default ResolvedDates dates(Optional<Period> period, Optional<LocalDate> asOf) {
        return ResolvedDates.resolve(period, asOf, this::defaultAsOf);
    }

    /** Checks filter codes against the dimension's members, returning them as the model spells them. */
    default Set<String> memberCodes(Dimension dimension, Set<String> codes) {
        List<Member> members = members(dimension);
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
}
