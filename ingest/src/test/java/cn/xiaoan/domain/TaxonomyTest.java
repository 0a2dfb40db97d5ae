package cn.xiaoan.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class TaxonomyTest {
    private final Taxonomy taxonomy = Taxonomy.load();

    @Test
    void everyEnumConstantHasChineseAndEnglishNames() {
        for (TaxonomyKind kind : TaxonomyKind.values()) {
            assertThat(taxonomy.terms(kind)).extracting(Term::code).containsExactlyElementsOf(kind.codes());
        }
        assertThat(taxonomy.term(Category.FIRE).nameZh()).isEqualTo("消防安全");
        assertThat(taxonomy.term(HazardStatus.CLOSED).nameZh()).isEqualTo("已销号");
    }

    @Test
    void resolvesCodesNamesAndAliasesIgnoringCaseWidthAndSpaces() {
        assertThat(taxonomy.resolve(Category.class, "FIRE")).contains(Category.FIRE);
        assertThat(taxonomy.resolve(Category.class, " 消防安全 ")).contains(Category.FIRE);
        assertThat(taxonomy.resolve(Category.class, "消防")).contains(Category.FIRE);
        assertThat(taxonomy.resolve(Category.class, "fire safety")).contains(Category.FIRE);
        assertThat(taxonomy.resolve(Category.class, "治安防控（人防物防技防）")).contains(Category.SECURITY);
        assertThat(taxonomy.resolve(Severity.class, "重大")).contains(Severity.MAJOR);
        assertThat(taxonomy.resolve(InspectionType.class, "ｓｅｌｆ")).contains(InspectionType.SELF);
        assertThat(taxonomy.resolve(HazardStatus.class, "in_progress")).contains(HazardStatus.IN_PROGRESS);
    }

    @Test
    void unknownSpellingsResolveToNothing() {
        assertThat(taxonomy.resolve(Category.class, "天气")).isEmpty();
        assertThat(taxonomy.resolve(Category.class, "")).isEmpty();
        assertThat(taxonomy.resolve(Category.class, null)).isEmpty();
    }

    @Test
    void rejectsAFileThatMissesAnEnumConstant() {
        var onlyGeneral = List.of(new Term(TaxonomyKind.SEVERITY, "GENERAL", "一般隐患", "General", List.of()));
        assertThatThrownBy(() -> new Taxonomy(onlyGeneral))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("is missing from taxonomy.csv");
    }

    @Test
    void rejectsAnAliasThatNamesTwoCodes() {
        var clash = new java.util.ArrayList<Term>();
        for (TaxonomyKind kind : TaxonomyKind.values()) {
            taxonomy.terms(kind).forEach(clash::add);
        }
        clash.set(1, new Term(TaxonomyKind.CATEGORY, "ELECTRIC_GAS", "用电用气安全", "Electricity", List.of("消防")));
        assertThatThrownBy(() -> new Taxonomy(clash)).hasMessageContaining("\"消防\" names both FIRE and ELECTRIC_GAS");
    }

    @Test
    void loadsTheFifteenDistrictsWithTheirCities() {
        Districts districts = Districts.load();
        assertThat(districts.all()).hasSize(15);
        assertThat(districts.resolve("忻府区")).map(District::code).contains("140902");
        assertThat(districts.resolve("140603")).map(District::cityZh).contains("朔州市");
    }
}
