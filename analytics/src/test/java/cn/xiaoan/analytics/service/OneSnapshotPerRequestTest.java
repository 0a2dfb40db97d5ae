package cn.xiaoan.analytics.service;

import static org.assertj.core.api.Assertions.assertThat;

import cn.xiaoan.analytics.build.ModelBuilder;
import cn.xiaoan.analytics.campaign.CampaignCatalog;
import cn.xiaoan.analytics.figure.FigureTable;
import cn.xiaoan.analytics.figure.Question;
import cn.xiaoan.analytics.figure.TimeGrain;
import cn.xiaoan.analytics.fixture.RawHazard;
import cn.xiaoan.analytics.fixture.RawWarehouseFixture;
import cn.xiaoan.analytics.fixture.SliceFixture;
import cn.xiaoan.analytics.serving.ModelSnapshot;
import cn.xiaoan.domain.ReferenceData;
import cn.xiaoan.domain.Warehouse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A request reads one model version from start to end: a publish between two of its steps (a trend's points, the
 * goals' measures) changes neither its default as-of date nor any of its figures, and its stamp names that version.
 */
class OneSnapshotPerRequestTest {
    private static final ReferenceData REFERENCE = ReferenceData.load();
    private static final CampaignCatalog CAMPAIGNS = CampaignCatalog.load(REFERENCE);
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-22T08:00:00Z"), ZoneOffset.UTC);
    private static final TrendRequest YEAR_TO_DATE =
            new TrendRequest(TimeGrain.MONTH, Optional.empty(), Optional.empty(), List.of(), Map.of());

    @TempDir
    Path root;

    private Warehouse warehouse;
    private FigureService figures;
    private boolean published;

    @BeforeEach
    void buildVersionOne() {
        warehouse = new Warehouse(root);
        SliceFixture.write(warehouse);
        new ModelBuilder(warehouse, REFERENCE, CLOCK).build();
        figures = new FigureService(warehouse, REFERENCE, CLOCK);
    }

    @AfterEach
    void closeService() {
        figures.close();
    }

    @Test
    void aTrendKeepsToTheVersionItStartedOnWhenANewOneIsPublishedBetweenItsPoints() {
        Trend before = new TrendService(figures).trend(YEAR_TO_DATE);
        assertThat(before.asOf()).isEqualTo(LocalDate.parse("2026-09-30"));

        Trend during = new TrendService(figures, this::publishVersionTwoOnce).trend(YEAR_TO_DATE);

        assertThat(published).isTrue();
        assertThat(during.modelVersion().version()).isEqualTo(1);
        assertThat(during.asOf()).isEqualTo(before.asOf());
        assertThat(during.points()).isEqualTo(before.points());
        // the new version does answer differently: as of its own latest report date, H1 rectified in June
        Trend after = new TrendService(figures).trend(YEAR_TO_DATE);
        assertThat(after.modelVersion().version()).isEqualTo(2);
        assertThat(after.asOf()).isEqualTo(LocalDate.parse("2026-10-15"));
        assertThat(after.points().subList(0, 9)).isNotEqualTo(before.points());
    }

    @Test
    void campaignGoalsKeepToTheVersionTheyStartedOnWhenANewOneIsPublishedBetweenTheirMeasures() {
        GoalReport before = new CampaignGoalService(figures, CAMPAIGNS).goals(Optional.empty(), Set.of());

        GoalReport during = new CampaignGoalService(figures, CAMPAIGNS, this::publishVersionTwoOnce)
                .goals(Optional.empty(), Set.of());

        assertThat(published).isTrue();
        assertThat(during).isEqualTo(before);
        assertThat(during.modelVersion().version()).isEqualTo(1);
        GoalReport after = new CampaignGoalService(figures, CAMPAIGNS).goals(Optional.of(before.asOf()), Set.of());
        assertThat(after.modelVersion().version()).isEqualTo(2);
        assertThat(after.progress()).isNotEqualTo(before.progress());
    }

    @Test
    void aSnapshotTakenBeforeAPublishStillAnswersFromItsVersion() {
        ModelSnapshot snapshot = figures.snapshot();
        FigureTable before = figures.figures(snapshot, Question.total());
        publishVersionTwoOnce();

        FigureTable pinned = figures.figures(snapshot, Question.total());

        assertThat(pinned.modelVersion().version()).isEqualTo(1);
        assertThat(pinned.asOf()).isEqualTo(snapshot.defaultAsOf());
        assertThat(pinned.rows()).isEqualTo(before.rows());
        assertThat(figures.snapshot().version().version()).isEqualTo(2);
    }

    /** Model version 2: a later ledger reports H1 (MAJOR, Xinfu) rectified on 2026-06-10. */
    private void publishVersionTwoOnce() {
        if (published) {
            return;
        }
        published = true;
        new RawWarehouseFixture(warehouse)
                .ledger(
                        7,
                        "2026-10-15",
                        List.of(RawHazard.open("H1", SliceFixture.A1, "FIRE", "MAJOR", "2026-03-01", "2026-04-01")
                                .rectifiedOn("2026-06-10")));
        new ModelBuilder(warehouse, REFERENCE, CLOCK).build();
    }
}
