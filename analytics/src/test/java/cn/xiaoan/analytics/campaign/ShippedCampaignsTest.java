package cn.xiaoan.analytics.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.xiaoan.analytics.figure.Dimension;
import cn.xiaoan.domain.ReferenceData;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ShippedCampaignsTest {
    private static final ReferenceData REFERENCE = ReferenceData.load();

    @Test
    void theFiveShippedCampaignsLoadWithTheXinzhouPlanPrimary() {
        CampaignCatalog catalog = CampaignCatalog.load(REFERENCE);

        assertThat(catalog.all())
                .extracting(CampaignDefinition::id)
                .containsExactly(
                        "pinglu-2023-100-day",
                        "yanzhou-2023-q4",
                        "nantong-kfq-2020",
                        "jizhou-2021",
                        "xinzhou-2024-2026");
        assertThat(catalog.primary().id()).isEqualTo("xinzhou-2024-2026");
        assertThat(catalog.primary().baseline()).isEqualTo(LocalDate.of(2024, 1, 1));
        assertThat(catalog.primary().goals())
                .extracting(GoalDefinition::id)
                .containsExactly("legacy_cleared", "increment_curbed", "dynamic_zero");
        assertThat(catalog.primary()
                        .goal("dynamic_zero")
                        .orElseThrow()
                        .measure("major_on_time_rate_2026")
                        .filters())
                .containsEntry(Dimension.SEVERITY, Set.of("MAJOR"));
        CampaignDefinition pinglu = catalog.byId("pinglu-2023-100-day").orElseThrow();
        assertThat(pinglu.supervisionGroups()).hasSize(4);
        assertThat(pinglu.supervisionGroups().stream()
                        .mapToInt(group -> group.schools().size())
                        .sum())
                .isEqualTo(31);
        assertThat(catalog.byId("nantong-kfq-2020")
                        .orElseThrow()
                        .returns()
                        .get(0)
                        .cadence())
                .isEqualTo(new Cadence.Weekly(DayOfWeek.THURSDAY));
    }

    @Test
    void aCatalogWithoutItsPrimaryCampaignDoesNotStart() {
        assertThatThrownBy(() -> CampaignCatalog.load(
                        REFERENCE,
                        name -> name.equals(CampaignCatalog.LIST)
                                ? "primary: elsewhere\nminimal.yaml\n"
                                : CampaignFilesTest.text(name)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("elsewhere");
    }
}
