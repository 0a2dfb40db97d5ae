package cn.xiaoan.api.auth;

import io.javalin.security.RouteRole;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What a user may do. Routes declare the roles they admit; nothing is admitted by default. {@link #PUBLIC} is for
 * the few routes anyone may call (health, login, the static pages).
 */
public enum Role implements RouteRole {
    /** Users and everything else. */
    ADMIN("管理员", "Administrator"),
    /** Uploads ledgers and returns for their scope. */
    CLERK("数据填报员", "Data clerk"),
    /** Dashboards and reports. */
    LEADER("领导", "Leader"),
    /** Dashboards, reports and the SQL console. */
    ANALYST("分析员", "Analyst"),
    /** Anyone, signed in or not; never a user's role. */
    PUBLIC("公开", "Public");

    private final String nameZh;
    private final String nameEn;

    Role(String nameZh, String nameEn) {
        this.nameZh = nameZh;
        this.nameEn = nameEn;
    }

    public String nameZh() {
        return nameZh;
    }

    public String nameEn() {
        return nameEn;
    }

    /** The role named by this code (case ignored); PUBLIC is not a user's role. */
    public static Role ofUser(String code) {
        for (Role role : values()) {
            if (role != PUBLIC && role.name().equalsIgnoreCase(code == null ? "" : code.strip())) {
                return role;
            }
        }
        throw new IllegalArgumentException("Cannot find role \"" + code + "\": expected one of "
                + Arrays.stream(values())
                        .filter(role -> role != PUBLIC)
                        .map(role -> role.name().toLowerCase(Locale.ROOT))
                        .collect(Collectors.joining(", ")));
    }
}
