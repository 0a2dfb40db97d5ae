package cn.xiaoan.domain;

import static java.util.Objects.requireNonNull;

/** A school of the register (学校名册), identified by its 10-digit school identification code. */
public record School(String code, String name, String districtCode, SchoolType type, boolean boarding, int students) {
    public School {
        requireNonNull(code, "code");
        requireNonNull(name, "name");
        requireNonNull(districtCode, "districtCode");
        requireNonNull(type, "type");
        if (!isSchoolCode(code)) {
            throw new IllegalArgumentException("Cannot create school: code \"" + code + "\" is not 10 digits");
        }
        if (students < 0) {
            throw new IllegalArgumentException("Cannot create school " + code + ": negative enrolment " + students);
        }
    }

    public static boolean isSchoolCode(String code) {
        return code != null && code.matches("\\d{10}");
    }
}
