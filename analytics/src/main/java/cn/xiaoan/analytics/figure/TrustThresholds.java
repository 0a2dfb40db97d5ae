package cn.xiaoan.analytics.figure;

import java.util.Map;

/**
 * The thresholds of the trust rules that need one (docs/FIGURES.md "Ledger trust"), bound into their SQL.
 *
 * @param pileupMinRectifications a school's month is judged for deadline-day pile-up from this many rectifications
 * @param pileupShare the share of a month's rectifications dated on their deadline day above which it is a pile-up
 * @param copiedMinLength a description shorter than this (normalised) is too common to count as copied
 * @param copiedMinSchools a description in this many schools' ledgers or more is copied
 * @param unchangedMinRepeats this many identical snapshots in a row make an unchanged ledger
 */
public record TrustThresholds(
        int pileupMinRectifications,
        double pileupShare,
        int copiedMinLength,
        int copiedMinSchools,
        int unchangedMinRepeats) {
    /** The documented defaults: 4 rectifications and more than half; 15 characters in 6 schools; 3 repeats. */
    public static final TrustThresholds DEFAULTS = new TrustThresholds(4, 0.5, 15, 6, 3);

    public TrustThresholds {
        if (pileupMinRectifications < 1 || copiedMinLength < 1 || copiedMinSchools < 2 || unchangedMinRepeats < 1) {
            throw new IllegalArgumentException("Cannot audit ledgers with thresholds " + pileupMinRectifications + ", "
                    + copiedMinLength + ", " + copiedMinSchools + ", " + unchangedMinRepeats
                    + ": counts start at 1 and copies at 2 schools");
        }
        if (!(pileupShare >= 0 && pileupShare < 1)) {
            throw new IllegalArgumentException("Cannot audit ledgers with a pile-up share of " + pileupShare
                    + ": choose a share from 0 up to (not including) 1");
        }
    }

    /** The values of the rules' {@code :name} parameters. */
    public Map<String, Object> parameters() {
        return Map.of(
                "pileup_min_rectifications", pileupMinRectifications,
                "pileup_share", pileupShare,
                "copied_min_length", copiedMinLength,
                "copied_min_schools", copiedMinSchools,
                "unchanged_min_repeats", unchangedMinRepeats);
    }
}
