package cn.xiaoan.domain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The school register (学校名册) of {@code data/reference/schools.csv}, checked against the reference data. */
public final class SchoolRegister {
    private final Map<String, School> byCode = new LinkedHashMap<>();

    SchoolRegister(List<School> schools, ReferenceData reference) {
        var names = new java.util.HashSet<String>();
        for (School school : schools) {
            if (reference.districts().byCode(school.districtCode()).isEmpty()) {
                throw new IllegalStateException("Cannot load school register: school " + school.code()
                        + " names unknown district \"" + school.districtCode() + "\"");
            }
            if (byCode.put(school.code(), school) != null) {
                throw new IllegalStateException(
                        "Cannot load school register: code " + school.code() + " appears twice");
            }
            if (!names.add(school.name())) {
                throw new IllegalStateException(
                        "Cannot load school register: name \"" + school.name() + "\" appears twice");
            }
        }
    }

    /** Loads the demo register shipped in the jar (about 900 schools over the 15 districts). */
    public static SchoolRegister loadDemo(ReferenceData reference) {
        return parse(ReferenceCsv.read("schools.csv"), reference);
    }

    static SchoolRegister parse(List<Map<String, String>> rows, ReferenceData reference) {
        var schools = new ArrayList<School>(rows.size());
        int line = 1;
        for (Map<String, String> row : rows) {
            line++;
            String code = row.get("school_code");
            String typeText = row.get("school_type");
            SchoolType type = reference
                    .taxonomy()
                    .resolve(SchoolType.class, typeText)
                    .orElseThrow(() -> new IllegalStateException("Cannot load school register: school " + code
                            + " has unknown school_type \"" + typeText + "\""));
            String boarding = row.get("boarding").strip().toLowerCase(Locale.ROOT);
            if (!boarding.equals("true") && !boarding.equals("false")) {
                throw new IllegalStateException("Cannot load school register: school " + code + " has boarding \""
                        + boarding + "\" (expected true or false)");
            }
            int students;
            try {
                students = Integer.parseInt(row.get("students").strip());
            } catch (NumberFormatException e) {
                throw new IllegalStateException(
                        "Cannot load school register: school " + code + " has students \"" + row.get("students")
                                + "\" (expected a whole number)",
                        e);
            }
            try {
                schools.add(new School(
                        code, row.get("name"), row.get("district_code"), type, boarding.equals("true"), students));
            } catch (IllegalArgumentException | NullPointerException e) {
                throw new IllegalStateException("Cannot load school register: line " + line + ": " + e.getMessage(), e);
            }
        }
        return new SchoolRegister(schools, reference);
    }

    /** Every school in file order. */
    public List<School> schools() {
        return List.copyOf(byCode.values());
    }

    public Optional<School> byCode(String code) {
        return Optional.ofNullable(byCode.get(code));
    }

    /** The schools of one district in file order. */
    public List<School> inDistrict(String districtCode) {
        return byCode.values().stream()
                .filter(school -> school.districtCode().equals(districtCode))
                .toList();
    }

    public int size() {
        return byCode.size();
    }
}
