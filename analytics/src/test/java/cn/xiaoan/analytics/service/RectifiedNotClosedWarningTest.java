package cn.xiaoan.analytics.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.xiaoan.analytics.build.ModelBuilder;
import cn.xiaoan.analytics.fixture.FigureFixture;
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
 * The rectified-but-not-signed-off warning on {@link FigureFixture}: as of 2026-06-30, H9 (rectified 2024-02-20, never
 * closed) and H3 (rectified 04-10, closed 07-10, after D) wait; H2 and H7 were closed before D, H5 rectified after D.
 */
class RectifiedNotClosedWarningTest {
    private static final ReferenceData REFERENCE = ReferenceData.load();
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-08-01T00:00:00Z"), ZoneOffset.UTC);
    private static final LocalDate JUNE_30 = LocalDate.parse("2026-06-30");

    @TempDir
    static Path root;

    private static FigureService figures;

    @BeforeAll
    static void buildModel() {
        var warehouse = new Warehouse(root);
        FigureFixture.write(warehouse);
        new ModelBuilder(warehouse, REFERENCE, CLOCK).build();
        figures = new FigureService(warehouse, REFERENCE, CLOCK);
    }

    @AfterAll
    static void closeService() {
        figures.close();
    }

    @Test
    void listsRectificationsWaitingAtLeastTheDefault30DaysLongestFirst() {
        WarningReport report = new WarningService(figures).warnings(at(JUNE_30));

        assertThat(report.signOffDays()).isEqualTo(30);
        // H9: 2024-02-20 → 2026-06-30 = 861 days; H3: 04-10 → 06-30 = 81 days
        assertThat(report.rectifiedNotClosed().rows())
                .extracting(w -> w.hazardId() + " " + w.rectifiedDate() + " " + w.daysSinceRectified())
                .containsExactly("H9 2024-02-20 861", "H3 2026-04-10 81");
        assertThat(report.count(WarningKind.RECTIFIED_NOT_CLOSED)).isEqualTo(2);
    }

    @Test
    void aLongerWaitListsFewerAndASignOffAfterwardsEndsTheWait() {
        assertThat(new WarningService(figures, 100)
                        .warnings(at(JUNE_30))
                        .rectifiedNotClosed()
                        .rows())
                .extracting(UnclosedRectification::hazardId)
                .containsExactly("H9");
        // H3 was closed on 07-10: as of 07-31 only H9 still waits (H5, rectified 07-05, has waited 26 days)
        assertThat(new WarningService(figures)
                        .warnings(at(LocalDate.parse("2026-07-31")))
                        .rectifiedNotClosed()
                        .rows())
                .extracting(UnclosedRectification::hazardId)
                .containsExactly("H9");
        // the rectified day itself waits 0 days, so N = 1 already leaves out a rectification made on D
        assertThat(new WarningService(figures, 1)
                        .warnings(at(LocalDate.parse("2026-07-05")))
                        .rectifiedNotClosed()
                        .rows())
                .extracting(UnclosedRectification::hazardId)
                .containsExactly("H9", "H3");
    }

    @Test
    void refusesAWaitOfLessThanADay() {
        assertThatThrownBy(() -> new WarningService(figures, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("choose 1 or more");
    }

    private static WarningRequest at(LocalDate asOf) {
        return new WarningRequest(Optional.empty(), Optional.of(asOf), Set.of());
    }
}
