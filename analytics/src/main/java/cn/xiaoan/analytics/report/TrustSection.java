package cn.xiaoan.analytics.report;

import static java.util.Objects.requireNonNull;

import cn.xiaoan.analytics.figure.TrustThresholds;
import cn.xiaoan.analytics.service.TrustAudit;
import cn.xiaoan.analytics.service.TrustAudit.Score;
import java.util.List;

/**
 * A report's 台账可信度 section: the scope's trust score with its findings per rule, every district, and the weakest
 * schools with at least one finding (the audit lists them weakest first; the section keeps the first
 * {@code schools}). Every number is the audit's ({@code LedgerTrustService}); the writers only lay it out.
 */
public record TrustSection(Score total, List<Score> districts, List<Score> weakestSchools, TrustThresholds thresholds) {
    /** The report lists this many of the weakest schools. */
    public static final int WEAKEST_SCHOOLS = 10;

    public TrustSection {
        requireNonNull(total, "total");
        districts = List.copyOf(districts);
        weakestSchools = List.copyOf(weakestSchools);
        requireNonNull(thresholds, "thresholds");
    }

    public static TrustSection of(TrustAudit audit) {
        return new TrustSection(
                audit.total(),
                audit.districts(),
                audit.schools().stream()
                        .filter(school -> school.flaggedHazards() > 0)
                        .limit(WEAKEST_SCHOOLS)
                        .toList(),
                audit.thresholds());
    }

    /** The score as the report prints it: one decimal, or 无 / — without hazards. */
    static String score(Score score) {
        return score.score() == null ? "—" : String.format(java.util.Locale.ROOT, "%.1f", score.score());
    }
}
