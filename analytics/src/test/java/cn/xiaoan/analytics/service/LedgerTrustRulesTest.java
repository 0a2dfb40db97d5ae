package cn.xiaoan.analytics.service;

import static cn.xiaoan.analytics.service.TrustLedger.SCHOOL_A;
import static cn.xiaoan.analytics.service.TrustLedger.SCHOOL_B;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.xiaoan.analytics.figure.DistrictScope;
import cn.xiaoan.analytics.figure.TrustRule;
import cn.xiaoan.analytics.service.TrustAudit.RuleCount;
import cn.xiaoan.analytics.service.TrustAudit.Score;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each ledger trust rule caught on a small ledger made for it (src/test/resources/trust/<rule>/), and nothing raised
 * on a clean ledger that comes close to every rule. On each rule's ledger no other rule fires.
 */
class LedgerTrustRulesTest {
    @TempDir
    Path root;

    @Test
    void cleanLedgerRaisesNothingThoughItComesCloseToEveryRule() {
        audit("clean", (ledger, trust) -> {
            TrustAudit audit = trust.audit(DistrictScope.city());
            assertThat(audit.total().findings()).isZero();
            assertThat(audit.total().hazards()).isEqualTo(8);
            assertThat(audit.total().score()).isEqualTo(100.0);
            assertThat(audit.schools())
                    .extracting(s -> s.schoolCode() + " " + s.hazards() + " " + s.score())
                    .containsExactlyInAnyOrder(SCHOOL_A + " 7 100.0", SCHOOL_B + " 1 100.0");
            assertThat(audit.districts()).extracting(Score::score).containsExactly(100.0);
            assertThat(trust.school(SCHOOL_A, DistrictScope.city()).findings()).isEmpty();
        });
    }

    @Test
    void statusGoingBackwardsWithoutANoteIsCaughtAndWithANoteIsNot() {
        audit("status_regressed", (ledger, trust) -> {
            assertThat(evidence(trust, SCHOOL_A))
                    .containsExactly("status_regressed H1 " + ledger.batch("2026-05-31") + " 2026-05-31 "
                            + ledger.batch("2026-06-30") + " 2026-06-30 RECTIFIED OPEN null null");
            Score school = trust.audit(DistrictScope.city()).schools().get(0);
            assertThat(school.hazards()).isEqualTo(2);
            assertThat(school.flaggedHazards()).isEqualTo(1);
            assertThat(school.score()).isEqualTo(50.0);
            assertOnly(school, TrustRule.STATUS_REGRESSED, 1);
        });
    }

    @Test
    void hazardLeftOutOfTheNextSnapshotBeforeBeingRectifiedIsCaught() {
        audit("vanished", (ledger, trust) -> {
            assertThat(evidence(trust, SCHOOL_A))
                    .containsExactly("vanished H1 " + ledger.batch("2026-05-31") + " 2026-05-31 "
                            + ledger.batch("2026-06-30") + " 2026-06-30 OPEN null null null");
            assertOnly(trust.audit(DistrictScope.city()).total(), TrustRule.VANISHED, 1);
        });
    }

    @Test
    void rectifiedDateBeforeAnEarlierReportThatSaidOpenIsCaughtAsBackDated() {
        audit("backdated", (ledger, trust) -> {
            // H1 rectified "06-15" in July, though the 06-30 report still said 整改中; H2's 06-20 came after 05-31
            assertThat(evidence(trust, SCHOOL_A))
                    .containsExactly("backdated H1 " + ledger.batch("2026-06-30") + " 2026-06-30 "
                            + ledger.batch("2026-07-31") + " 2026-07-31 IN_PROGRESS 2026-06-15 null null");
            assertOnly(trust.audit(DistrictScope.city()).total(), TrustRule.BACKDATED, 1);
        });
    }

    @Test
    void deadlineMovedLaterAfterItPassedIsCaughtButNotOneMovedInTime() {
        audit("deadline_extended", (ledger, trust) -> {
            String may = ledger.batch("2026-05-31") + " 2026-05-31 ";
            String june = ledger.batch("2026-06-30") + " 2026-06-30 ";
            // H1's May snapshot showed 05-15 passed; H2's 06-30 and H4's 06-10 were not yet passed in May
            assertThat(evidence(trust, SCHOOL_A))
                    .containsExactly("deadline_extended H1 " + may + june + "2026-05-15 2026-07-31 null null");
            assertOnly(trust.audit(DistrictScope.city()).total(), TrustRule.DEADLINE_EXTENDED, 1);
        });
    }

    @Test
    void monthWithMoreThanHalfItsRectificationsOnTheDeadlineDayIsCaughtButNotExactlyHalf() {
        audit("deadline_day_pileup", (ledger, trust) -> {
            String july = ledger.batch("2026-07-31") + " 2026-07-31 ";
            // June: 3 of 5 on the deadline day; July: 2 of 4, which is not more than half
            assertThat(evidence(trust, SCHOOL_A))
                    .containsExactly(
                            "deadline_day_pileup J1 null null " + july + "2026-06-10 2026-06-10 3 5",
                            "deadline_day_pileup J2 null null " + july + "2026-06-15 2026-06-15 3 5",
                            "deadline_day_pileup J3 null null " + july + "2026-06-20 2026-06-20 3 5");
            assertOnly(trust.audit(DistrictScope.city()).total(), TrustRule.DEADLINE_DAY_PILEUP, 3);
        });
    }

    @Test
    void descriptionInSixSchoolsIsCaughtButNotInFiveOrWhenTooShort() {
        audit("copied_description", (ledger, trust) -> {
            TrustAudit audit = trust.audit(DistrictScope.city());
            // six X hazards; not X2 (a space inside makes it another text), not Y (5 schools), not Z (short)
            assertOnly(audit.total(), TrustRule.COPIED_DESCRIPTION, 6);
            assertThat(evidence(trust, SCHOOL_A))
                    .containsExactly("copied_description X0 null null " + ledger.batch("2026-05-31")
                            + " 2026-05-31 null 学生宿舍楼三层东侧安全出口被杂物堵塞 6 null");
            assertThat(trust.school("1409020003", DistrictScope.city()).findings())
                    .isEmpty();
            assertThat(audit.schools()).hasSize(7);
            // weakest first: F and G have X and Z (1 of 2 flagged), A, B, D, E have X, Y and Z (1 of 3), C none
            assertThat(audit.schools())
                    .extracting(s -> s.schoolCode() + " " + s.score())
                    .startsWith("1409020006 50.0", "1409020007 50.0", "1409020001 66.7")
                    .endsWith("1409020003 100.0");
        });
    }

    @Test
    void ledgerResentUnchangedThreeTimesIsCaughtForItsOpenHazardsButTwiceIsNot() {
        audit("unchanged_snapshots", (ledger, trust) -> {
            // A: May's ledger re-sent in June, July and August (3 repeats), H1 still open; B: re-sent twice
            assertThat(evidence(trust, SCHOOL_A))
                    .containsExactly("unchanged_snapshots H1 " + ledger.batch("2026-05-31") + " 2026-05-31 "
                            + ledger.batch("2026-08-31") + " 2026-08-31 OPEN null 3 null");
            assertThat(evidence(trust, SCHOOL_B)).isEmpty();
            assertOnly(trust.audit(DistrictScope.city()).total(), TrustRule.UNCHANGED_SNAPSHOTS, 1);
        });
    }

    @Test
    void districtUserSeesOnlyTheirDistrictAndNoOtherSchoolsEvidence() {
        audit("status_regressed", (ledger, trust) -> {
            DistrictScope other = DistrictScope.of(Set.of("140921"));
            TrustAudit audit = trust.audit(other);
            assertThat(audit.schools()).isEmpty();
            assertThat(audit.districts()).isEmpty();
            assertThat(audit.total().hazards()).isZero();
            assertThat(audit.total().score()).isNull();
            assertThatThrownBy(() -> trust.school(SCHOOL_A, other)).isInstanceOf(UnknownSchoolException.class);
            assertThat(trust.audit(DistrictScope.of(Set.of("140902"))).districts())
                    .extracting(s -> s.districtCode() + " " + s.districtNameZh() + " " + s.score())
                    .containsExactly("140902 忻府区 50.0");
        });
    }

    private void audit(String ledgerName, LedgerCheck check) {
        TrustLedger ledger = TrustLedger.load(ledgerName, root);
        try (FigureService figures = ledger.figures()) {
            check.accept(ledger, new LedgerTrustService(figures));
        }
    }

    private interface LedgerCheck {
        void accept(TrustLedger ledger, LedgerTrustService trust);
    }

    private static List<String> evidence(LedgerTrustService trust, String school) {
        return trust.school(school, DistrictScope.city()).findings().stream()
                .map(f -> String.join(
                        " ",
                        f.rule(),
                        f.hazardId(),
                        String.valueOf(f.earlierBatchId()),
                        String.valueOf(f.earlierReportDate()),
                        String.valueOf(f.batchId()),
                        String.valueOf(f.reportDate()),
                        String.valueOf(f.valueBefore()),
                        String.valueOf(f.valueAfter()),
                        String.valueOf(f.amount()),
                        String.valueOf(f.amountOf())))
                .toList();
    }

    /** The unit's findings are all of one rule, this many. */
    private static void assertOnly(Score score, TrustRule rule, int findings) {
        assertThat(score.rules()).hasSize(TrustRule.values().length);
        for (RuleCount count : score.rules()) {
            assertThat(count.findings()).as(count.rule()).isEqualTo(count.rule().equals(rule.code()) ? findings : 0);
        }
    }
}
