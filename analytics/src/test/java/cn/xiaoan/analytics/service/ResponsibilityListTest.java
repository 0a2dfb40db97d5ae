package cn.xiaoan.analytics.service;

import static org.assertj.core.api.Assertions.assertThat;

import cn.xiaoan.analytics.figure.DistrictScope;
import cn.xiaoan.analytics.report.ReportDataService;
import cn.xiaoan.analytics.report.ResponsibilityAnnex;
import cn.xiaoan.domain.HazardStatus;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The 整改责任清单, the report annex built from it, the hazard list's 督办 filter and the hazard page's responsibility
 * fields, on {@link DutyLedger}.
 */
class ResponsibilityListTest {
    private static final LocalDate JUNE_30 = LocalDate.parse("2026-06-30");

    @TempDir
    static Path root;

    private static FigureService figures;
    private static ResponsibilityListService service;

    @BeforeAll
    static void buildModel() throws IOException {
        figures = DutyLedger.build(root);
        service = new ResponsibilityListService(figures);
    }

    @AfterAll
    static void closeService() {
        figures.close();
    }

    private static ResponsibilityQuery at(LocalDate asOf, Set<HazardStatus> statuses, boolean supervisedOnly) {
        return new ResponsibilityQuery(Optional.of(asOf), Set.of(), statuses, supervisedOnly);
    }

    @Test
    void listsTheHazardsOpenAtTheDateMajorFirstThoseWithoutADeadlineFirst() {
        ResponsibilityList list = service.list(at(JUNE_30, Set.of(), false), DistrictScope.city(), 100);

        // MAJOR: M2 and M4 have no deadline (first), then M1 (07-31) and M3 (08-01); then the GENERAL G1; M5 is
        // rectified
        assertThat(list.items()).extracting(ResponsibilityItem::hazardId).containsExactly("M2", "M4", "M1", "M3", "G1");
        assertThat(list.total()).isEqualTo(5);
        assertThat(list.truncated()).isFalse();
        assertThat(list.items().get(3))
                .returns("140902", ResponsibilityItem::districtCode)
                .returns("忻府区", ResponsibilityItem::districtName)
                .returns("外墙脱落", ResponsibilityItem::description)
                .returns("后勤科", ResponsibilityItem::responsibleUnit)
                .returns("王五", ResponsibilityItem::responsiblePerson)
                .returns(LocalDate.parse("2026-08-01"), ResponsibilityItem::deadline)
                .returns("IN_PROGRESS", ResponsibilityItem::status)
                .returns("整改中", ResponsibilityItem::statusName)
                .returns(true, ResponsibilityItem::supervised)
                .returns("市教育局", ResponsibilityItem::supervisedBy)
                .returns(LocalDate.parse("2026-04-05"), ResponsibilityItem::supervisedDate);
        // the April ledger had no 督办 column: not known, not "no"
        assertThat(list.items().get(0).supervised()).isNull();
    }

    @Test
    void narrowsByStatusListingDistrictAndScopeAndCountsBeyondTheLimit() {
        assertThat(service.list(at(JUNE_30, Set.of(HazardStatus.RECTIFIED), false), DistrictScope.city(), 100)
                        .items())
                .extracting(ResponsibilityItem::hazardId)
                .containsExactly("M5");
        assertThat(service.list(at(JUNE_30, Set.of(HazardStatus.values()), false), DistrictScope.city(), 100)
                        .total())
                .isEqualTo(6);
        assertThat(service.list(at(JUNE_30, Set.of(), true), DistrictScope.city(), 100)
                        .items())
                .extracting(ResponsibilityItem::hazardId)
                .containsExactly("M4", "M3");
        assertThat(service.list(
                                new ResponsibilityQuery(Optional.of(JUNE_30), Set.of("140921"), Set.of(), false),
                                DistrictScope.city(),
                                100)
                        .total())
                .isZero();
        assertThat(service.list(at(JUNE_30, Set.of(), false), DistrictScope.of(Set.of("140921")), 100)
                        .items())
                .isEmpty();
        ResponsibilityList first = service.list(at(JUNE_30, Set.of(), false), DistrictScope.city(), 2);
        assertThat(first.items()).hasSize(2);
        assertThat(first.total()).isEqualTo(5);
        assertThat(first.truncated()).isTrue();
        // before M3 to M5 and G1 were found, and M5 still open on 05-19
        assertThat(service.list(at(LocalDate.parse("2026-03-31"), Set.of(), false), DistrictScope.city(), 100)
                        .items())
                .extracting(ResponsibilityItem::hazardId)
                .containsExactly("M2", "M1");
        assertThat(service.list(at(LocalDate.parse("2026-05-19"), Set.of(), false), DistrictScope.city(), 100)
                        .items())
                .extracting(ResponsibilityItem::hazardId)
                .containsExactly("M2", "M4", "M5", "M1", "M3", "G1");
    }

    @Test
    void theReportAnnexGroupsTheOpenHazardsByDistrict() {
        var reports = new ReportDataService(figures, DutyLedger.REFERENCE, DutyLedger.CLOCK);

        ResponsibilityAnnex annex = reports.responsibilityAnnex(figures.snapshot(), JUNE_30, DistrictScope.city());

        assertThat(annex.asOf()).isEqualTo(JUNE_30);
        assertThat(annex.total()).isEqualTo(5);
        assertThat(annex.listed()).isEqualTo(5);
        assertThat(annex.groups()).singleElement().satisfies(group -> {
            assertThat(group.districtCode()).isEqualTo("140902");
            assertThat(group.districtName()).isEqualTo("忻府区");
            assertThat(group.items())
                    .extracting(ResponsibilityItem::hazardId)
                    .containsExactly("M2", "M4", "M1", "M3", "G1");
            assertThat(group.supervised()).isEqualTo(2);
        });
        assertThat(reports.responsibilityAnnex(figures.snapshot(), JUNE_30, DistrictScope.of(Set.of("140921")))
                        .groups())
                .isEmpty();
    }

    @Test
    void theHazardListKeepsOnlyHazardsListedForSupervisionWhenAsked() {
        var hazards = new HazardListService(figures);

        HazardPage supervised = hazards.list(
                HazardQuery.in(HazardState.ALL)
                        .supervised(true)
                        .at(new cn.xiaoan.analytics.figure.Period(LocalDate.parse("2026-01-01"), JUNE_30), JUNE_30),
                DistrictScope.city());
        HazardPage all = hazards.list(HazardQuery.in(HazardState.ALL), DistrictScope.city());

        assertThat(supervised.items())
                .extracting(item -> item.hazardId() + " " + item.responsibleUnit() + " " + item.supervised())
                .containsExactly("M4 null true", "M3 后勤科 true");
        assertThat(supervised.total()).isEqualTo(2);
        assertThat(all.total()).isEqualTo(6);
    }

    @Test
    void theHazardPageShowsTheUnitAndTheListingOnItsTimeline() {
        HazardTimeline timeline = new HazardHistoryService(figures).timeline("1409020001", "M3", DistrictScope.city());

        assertThat(timeline.hazard())
                .returns("后勤科", HazardTimeline.Hazard::responsibleUnit)
                .returns(true, HazardTimeline.Hazard::supervised)
                .returns("市教育局", HazardTimeline.Hazard::supervisedBy)
                .returns(LocalDate.parse("2026-04-05"), HazardTimeline.Hazard::supervisedDate);
        assertThat(timeline.events())
                .extracting(event -> event.date() + " " + event.kind().code())
                .containsExactly("2026-04-01 found", "2026-04-05 supervised", "2026-05-31 reported");
        assertThat(timeline.events().get(1).to().nameZh()).isEqualTo("市教育局");
    }
}
