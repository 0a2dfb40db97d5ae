package cn.xiaoan.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class SchoolRegisterTest {
    private final ReferenceData reference = ReferenceData.load();
    private final SchoolRegister register = SchoolRegister.loadDemo(reference);

    @Test
    void loadsAboutNineHundredSchoolsOverEveryDistrict() {
        assertThat(register.size()).isBetween(850, 950);
        Map<String, Long> perDistrict =
                register.schools().stream().collect(Collectors.groupingBy(School::districtCode, Collectors.counting()));
        assertThat(perDistrict.keySet())
                .containsExactlyInAnyOrderElementsOf(
                        reference.districts().all().stream().map(District::code).toList());
        long largest =
                perDistrict.values().stream().mapToLong(Long::longValue).max().orElseThrow();
        assertThat(perDistrict.get("140902")).isEqualTo(largest);
        assertThat(perDistrict.get("140981"))
                .isGreaterThan(perDistrict.entrySet().stream()
                        .filter(e -> !e.getKey().equals("140902") && !e.getKey().equals("140981"))
                        .mapToLong(Map.Entry::getValue)
                        .max()
                        .orElseThrow());
    }

    @Test
    void includesTheRealPingluSchoolsOfSeedZero() {
        List<String> pinglu =
                register.inDistrict("140603").stream().map(School::name).toList();
        assertThat(pinglu)
                .contains(
                        "下面高寄宿制学校",
                        "敬德学校",
                        "井坪第二小学",
                        "天明幼儿园",
                        "金色摇篮幼儿园",
                        "职业中学",
                        "李林中学",
                        "平鲁二中",
                        "知达常青藤学校初中部",
                        "下水头寄宿制学校");
        assertThat(register.byCode("1060300024").map(School::type)).contains(SchoolType.VOCATIONAL);
        assertThat(register.inDistrict("140603").stream()
                        .filter(s -> s.name().endsWith("幼儿园"))
                        .map(School::type))
                .containsOnly(SchoolType.KINDERGARTEN);
    }

    @Test
    void codesAreWellFormedForTheirDistrictAndUnique() {
        for (School school : register.schools()) {
            assertThat(school.code()).startsWith("1" + school.districtCode().substring(2));
        }
        assertThat(register.schools().stream().map(School::code).distinct()).hasSize(register.size());
        assertThat(register.schools().stream().map(School::name).distinct()).hasSize(register.size());
    }

    @Test
    void hasARealisticMixOfTypesAndBoarding() {
        Map<SchoolType, Long> perType =
                register.schools().stream().collect(Collectors.groupingBy(School::type, Collectors.counting()));
        assertThat(perType.get(SchoolType.PRIMARY) + perType.get(SchoolType.KINDERGARTEN))
                .isGreaterThan(register.size() / 2);
        assertThat(perType.get(SchoolType.SENIOR)).isLessThan(perType.get(SchoolType.JUNIOR));
        assertThat(perType).containsKeys(SchoolType.VOCATIONAL, SchoolType.SPECIAL, SchoolType.TRAINING);
        assertThat(register.schools().stream().filter(School::boarding).count()).isBetween(100L, 400L);
        assertThat(register.schools().stream()
                        .filter(s -> s.type() == SchoolType.KINDERGARTEN)
                        .anyMatch(School::boarding))
                .isFalse();
    }

    @Test
    void rejectsAnUnknownDistrict() {
        var row = row("1999900001", "某县第一小学", "149999", "PRIMARY", "false", "300");
        assertThatThrownBy(() -> SchoolRegister.parse(List.of(row), reference))
                .hasMessage("Cannot load school register: school 1999900001 names unknown district \"149999\"");
    }

    @Test
    void rejectsAnUnknownTypeAndADuplicateCode() {
        var badType = row("1090299999", "忻府区某学校", "140902", "UNIVERSITY", "false", "300");
        assertThatThrownBy(() -> SchoolRegister.parse(List.of(badType), reference))
                .hasMessage("Cannot load school register: school 1090299999 has unknown school_type \"UNIVERSITY\"");
        var first = row("1090299999", "忻府区甲学校", "140902", "小学", "true", "300");
        var second = row("1090299999", "忻府区乙学校", "140902", "PRIMARY", "false", "300");
        assertThatThrownBy(() -> SchoolRegister.parse(List.of(first, second), reference))
                .hasMessage("Cannot load school register: code 1090299999 appears twice");
    }

    private static Map<String, String> row(
            String code, String name, String district, String type, String boarding, String students) {
        var row = new HashMap<String, String>();
        row.put("school_code", code);
        row.put("name", name);
        row.put("district_code", district);
        row.put("school_type", type);
        row.put("boarding", boarding);
        row.put("students", students);
        return row;
    }
}
