package cn.xiaoan.analytics.service;

import static cn.xiaoan.analytics.service.CampaignFixture.D1;
import static cn.xiaoan.analytics.service.CampaignFixture.W1;
import static cn.xiaoan.analytics.service.CampaignFixture.X1;
import static org.assertj.core.api.Assertions.assertThat;

import cn.xiaoan.analytics.build.ModelBuilder;
import cn.xiaoan.analytics.campaign.Cadence;
import cn.xiaoan.analytics.campaign.DateRange;
import cn.xiaoan.analytics.campaign.LocalizedName;
import cn.xiaoan.analytics.campaign.ReturnRule;
import cn.xiaoan.domain.Dataset;
import cn.xiaoan.domain.ReferenceData;
import cn.xiaoan.domain.Warehouse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The silent-schools warning driven by a return's cadence, on {@link CampaignFixture}: ledger returns on 05-31 (D1),
 * 06-15 (X1) and 12-31 (all three schools), worked out by hand.
 */
class CadenceSilentSchoolsTest {
    private static final ReferenceData REFERENCE = ReferenceData.load();
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-22T08:00:00Z"), ZoneOffset.UTC);
    /** A monthly ledger before the 1st: May's is due 05-31, on time from 05-08, late until 06-07. */
    private static final ReturnRule MONTHLY_LEDGER = new ReturnRule(
            "monthly_ledger",
            new LocalizedName("月度隐患台账", "Monthly ledger"),
            Optional.of(Dataset.LEDGER),
            new Cadence.MonthlyBefore(1),
            new DateRange(LocalDate.parse("2026-01-01"), LocalDate.parse("2026-12-31")),
            false);

    @TempDir
    static Path root;

    private static FigureService figures;

    @BeforeAll
    static void buildModel() {
        var warehouse = new Warehouse(root);
        CampaignFixture.write(warehouse);
        new ModelBuilder(warehouse, REFERENCE, CLOCK).build();
        figures = new FigureService(warehouse, REFERENCE, CLOCK);
    }

    @AfterAll
    static void closeService() {
        figures.close();
    }

    private static WarningReport at(WarningService warnings, String asOf) {
        return warnings.warnings(new WarningRequest(Optional.empty(), Optional.of(LocalDate.parse(asOf)), Set.of()));
    }

    @Test
    void aSchoolIsSilentWhenItMissedTheLatestDuePeriodNotWhenTheMonthHasNoRow() {
        var cadence = new WarningService(figures, WarningService.DEFAULT_SIGN_OFF_DAYS, Optional.of(MONTHLY_LEDGER));
        var monthly = new WarningService(figures);

        // as of 06-30 May's return is the latest due: D1 sent it on 05-31; X1's 06-15 return is June's, W1 sent none
        assertThat(at(cadence, "2026-06-30").silentSchools().rows())
                .extracting(SilentSchool::schoolCode, SilentSchool::lastReportDate)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(X1, LocalDate.parse("2026-06-15")),
                        org.assertj.core.groups.Tuple.tuple(W1, null));
        // without a cadence: no ledger row in June (X1 sent one on 06-15)
        assertThat(at(monthly, "2026-06-30").silentSchools().rows())
                .extracting(SilentSchool::schoolCode)
                .containsExactly(D1, W1);
    }

    @Test
    void nobodyIsSilentBeforeTheFirstReturnIsDue() {
        var cadence = new WarningService(figures, WarningService.DEFAULT_SIGN_OFF_DAYS, Optional.of(MONTHLY_LEDGER));

        assertThat(at(cadence, "2026-01-20").silentSchools().rows()).isEmpty();
    }
}
