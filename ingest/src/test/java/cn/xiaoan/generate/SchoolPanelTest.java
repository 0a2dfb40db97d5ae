package cn.xiaoan.generate;

import static org.assertj.core.api.Assertions.assertThat;

import cn.xiaoan.domain.District;
import cn.xiaoan.domain.ReferenceData;
import cn.xiaoan.domain.School;
import cn.xiaoan.domain.SchoolRegister;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class SchoolPanelTest {
    private final ReferenceData reference = ReferenceData.load();

    @Test
    void aSmallSelectionSpreadsOverEveryDistrictIncludingPinglu() {
        SchoolPanel panel = SchoolPanel.select(reference, 30, 1);
        List<String> districts = Arrays.stream(panel.schools)
                .map(School::districtCode)
                .distinct()
                .toList();
        assertThat(districts)
                .containsExactlyInAnyOrderElementsOf(
                        reference.districts().all().stream().map(District::code).toList());
        assertThat(Arrays.stream(panel.schools).map(School::name)).contains("下面高寄宿制学校");
        assertThat(Arrays.stream(panel.schools).map(School::code)).isSorted();
    }

    @Test
    void moreSchoolsThanTheRegisterAreSynthesisedWellFormed() {
        int registerSize = SchoolRegister.loadDemo(reference).size();
        SchoolPanel panel = SchoolPanel.select(reference, registerSize + 500, 1);
        assertThat(panel.size()).isEqualTo(registerSize + 500);
        assertThat(Arrays.stream(panel.schools).map(School::code).distinct()).hasSize(panel.size());
        assertThat(Arrays.stream(panel.schools).map(School::name).distinct()).hasSize(panel.size());
        for (School school : panel.schools) {
            assertThat(school.code()).startsWith("1" + school.districtCode().substring(2));
        }
    }

    @Test
    void kindergartensNeverDrawLaboratoryHazards() {
        SchoolPanel panel = SchoolPanel.select(reference, 200, 1);
        for (int s = 0; s < panel.size(); s++) {
            if (panel.schools[s].type() == cn.xiaoan.domain.SchoolType.KINDERGARTEN) {
                for (int k = 0; k < 1_000; k++) {
                    assertThat(panel.category(s, k / 1_000.0)).isNotEqualTo(cn.xiaoan.domain.Category.LAB_CHEM);
                }
            }
        }
    }
}
