package cn.xiaoan.analytics.sql;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What an analyst may read: the whole city, or one district, whose analyst sees only rows of that district in every
 * table (reference dimensions whole).
 */
public record AnalystScope(Optional<String> districtCode) {
    private static final Pattern DISTRICT_CODE = Pattern.compile("\\d{6}");

    public AnalystScope {
        if (districtCode.isPresent()
                && !DISTRICT_CODE.matcher(districtCode.get()).matches()) {
            throw new IllegalArgumentException("区县代码应为 6 位数字，而不是 \"" + districtCode.get()
                    + "\" / a district code has six digits, not \"" + districtCode.get() + "\"");
        }
    }

    public static AnalystScope city() {
        return new AnalystScope(Optional.empty());
    }

    public static AnalystScope district(String code) {
        return new AnalystScope(Optional.of(code));
    }

    /** {@code city} or {@code district=<code>}: how the scope appears in the query log and directory names. */
    public String label() {
        return districtCode.map(code -> "district=" + code).orElse("city");
    }
}
