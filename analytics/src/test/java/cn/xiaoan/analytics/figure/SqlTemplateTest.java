package cn.xiaoan.analytics.figure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SqlTemplateTest {
    @Test
    void turnsNamedParametersIntoPlaceholdersInOrderAndDropsComments() {
        var sql = SqlTemplate.of("t", "-- as of: :ignored\nSELECT * FROM t WHERE a <= :as_of AND b > :as_of -- :x\n")
                .positional();
        assertThat(sql.sql()).isEqualTo("SELECT * FROM t WHERE a <= ? AND b > ? ");
        assertThat(sql.parameterNames()).containsExactly("as_of", "as_of");
        assertThat(sql.values(Map.of("as_of", 7))).containsExactly(7, 7);
    }

    @Test
    void fillsIdentifierSlotsFromARegistry() {
        var sql = SqlTemplate.of("t", "SELECT {{value}} FROM {{table}} s JOIN c ON {{match}}")
                .withIdentifiers(Map.of("value", "s.district_code", "table", "dim_school", "match", "1 = 1"))
                .positional();
        assertThat(sql.sql()).isEqualTo("SELECT s.district_code FROM dim_school s JOIN c ON 1 = 1");
    }

    @Test
    void fillsASlotWithAListOfNames() {
        var sql = SqlTemplate.of("t", "SELECT 1 FROM x GROUP BY {{keys}}")
                .withIdentifiers(Map.of("keys", "k_district, k_category"))
                .positional();
        assertThat(sql.sql()).isEqualTo("SELECT 1 FROM x GROUP BY k_district, k_category");
        var template = SqlTemplate.of("t", "SELECT 1 FROM x GROUP BY {{keys}}");
        for (String unsafe :
                List.of("k_district,k_category", "k_district, 1; DROP TABLE x", "k_district, ", "a, 'b'")) {
            assertThatThrownBy(() -> template.withIdentifiers(Map.of("keys", unsafe)))
                    .as(unsafe)
                    .hasMessageContaining("is not a plain identifier");
        }
    }

    @Test
    void rejectsIdentifierTextThatIsNotAPlainName() {
        var template = SqlTemplate.of("t", "SELECT {{value}} FROM x");
        assertThatThrownBy(() -> template.withIdentifiers(Map.of("value", "1; DROP TABLE x")))
                .hasMessage("Cannot render t: \"1; DROP TABLE x\" for {{value}} is not a plain identifier");
        assertThatThrownBy(() -> template.withIdentifiers(Map.of("value", "'a'")))
                .hasMessageContaining("is not a plain identifier");
        assertThatThrownBy(() -> template.withIdentifiers(Map.of()))
                .hasMessage("Cannot render t: no value for {{value}}");
        assertThatThrownBy(template::positional).hasMessage("Cannot render t: identifier slots are left unfilled");
    }

    @Test
    void requiresAValueForEveryParameter() {
        var sql = SqlTemplate.of("t", "SELECT :a, :b").positional();
        assertThatThrownBy(() -> sql.values(Map.of("a", 1)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("Cannot run t: no value for :b");
    }

    @Test
    void figureSqlTakesOnlyThePeriodTheAsOfDateAndFiltersAsParameters() {
        var period = new Period(LocalDate.parse("2026-01-01"), LocalDate.parse("2026-06-30"));
        for (Dimension rows : Dimension.values()) {
            for (Dimension columns : Dimension.values()) {
                List<Dimension> by = rows == columns ? List.of(rows) : List.of(rows, columns);
                var question =
                        new ResolvedQuestion(new ResolvedDates(period, LocalDate.parse("2026-06-30")), by, Map.of());
                var query = FigureQuery.of(question, FactSource.HAZARD_FACTS);
                var sql = query.sql().positional();
                assertThat(sql.parameterNames())
                        .containsOnly(
                                "as_of",
                                "period_start",
                                "period_end",
                                // the opening stock's as-of date, derived from the period
                                "day_before_period",
                                "f_district",
                                "f_school_type",
                                "f_boarding",
                                "f_category",
                                "f_severity",
                                "f_inspection_type");
                assertThat(sql.values(query.parameters())).doesNotContainNull();
            }
        }
    }

    @Test
    void namesFiguresAndDimensionsByTheirCodes() {
        assertThat(Figure.fromCode("RISK_index")).isEqualTo(Figure.RISK_INDEX);
        assertThat(Dimension.fromCode(" school_type ")).isEqualTo(Dimension.SCHOOL_TYPE);
        assertThatThrownBy(() -> Figure.fromCode("risk"))
                .hasMessage("Cannot find figure \"risk\": expected one of " + Figure.codes());
        assertThat(Figure.codes()).startsWith("found, major_found, rectified, rectification_rate, on_time_rate, open,");
        assertThatThrownBy(() -> Dimension.fromCode("county"))
                .hasMessage("Cannot find dimension \"county\": expected one of district, school_type, boarding,"
                        + " category, severity, inspection_type, month, quarter, year");
    }

    @Test
    void dropsASectionAQuestionDoesNotRead() {
        var template =
                SqlTemplate.of("t", "WITH /* section a */a AS (SELECT 1),/* end a */ b AS (SELECT 2) SELECT * FROM b");
        assertThat(template.withoutSection("a").positional().sql()).isEqualTo("WITH  b AS (SELECT 2) SELECT * FROM b");
        assertThatThrownBy(() -> template.withoutSection("c")).hasMessage("Cannot render t: no section c");
    }
}
