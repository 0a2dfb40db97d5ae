package cn.xiaoan.analytics.service;

import static java.util.Objects.requireNonNull;

import cn.xiaoan.analytics.figure.ModelVersion;
import cn.xiaoan.analytics.figure.TrustThresholds;
import java.time.LocalDate;
import java.util.List;

/**
 * The ledger trust audit of a scope: the score of the whole scope, of each district and of each school with hazards
 * (weakest first), each with its findings per rule. Scores and counts come from {@code sql/trust/scores.sql} and
 * {@code rule_counts.sql}.
 */
public record TrustAudit(
        TrustThresholds thresholds,
        Score total,
        List<Score> districts,
        List<Score> schools,
        ModelVersion modelVersion) {
    public TrustAudit {
        requireNonNull(thresholds, "thresholds");
        districts = List.copyOf(districts);
        schools = List.copyOf(schools);
        requireNonNull(modelVersion, "modelVersion");
    }

    /** Which unit a score describes. */
    public enum Level {
        ALL,
        DISTRICT,
        SCHOOL
    }

    /**
     * A unit's trust score: {@code score} = 100 × (hazards − flaggedHazards) / hazards, one decimal (null without hazards); {@code rules}
     * lists every rule, with zero counts where nothing was found. The district is the one owning the school now.
     */
    public record Score(
            Level level,
            String districtCode,
            String districtNameZh,
            String districtNameEn,
            String schoolCode,
            String schoolName,
            int hazards,
            int flaggedHazards,
            int findings,
            Double score,
            List<RuleCount> rules) {
        public Score {
            requireNonNull(level, "level");
            rules = List.copyOf(rules);
        }
    }

    /** One rule's findings within a unit and the hazards they concern. */
    public record RuleCount(String rule, String nameZh, String nameEn, int findings, int hazards) {}

    /**
     * One evidence row of a finding: the hazard, the snapshots that show it (the earlier one where the rule compares
     * two), the values before and after, and the rule's count ({@code amount} of {@code amountOf}: rectifications on
     * the deadline day of the month's, schools sharing the description, repeats of the unchanged snapshot).
     */
    public record Finding(
            String rule,
            String ruleNameZh,
            String ruleNameEn,
            String hazardId,
            String description,
            String category,
            String categoryNameZh,
            String categoryNameEn,
            String severity,
            Long earlierBatchId,
            LocalDate earlierReportDate,
            long batchId,
            LocalDate reportDate,
            String valueBefore,
            String valueAfter,
            Integer amount,
            Integer amountOf) {}

    /** One school's score with every evidence row. */
    public record SchoolEvidence(
            Score school, List<Finding> findings, TrustThresholds thresholds, ModelVersion modelVersion) {
        public SchoolEvidence {
            requireNonNull(school, "school");
            findings = List.copyOf(findings);
            requireNonNull(thresholds, "thresholds");
            requireNonNull(modelVersion, "modelVersion");
        }
    }
}
