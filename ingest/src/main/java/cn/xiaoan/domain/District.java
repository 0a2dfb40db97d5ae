package cn.xiaoan.domain;

import static java.util.Objects.requireNonNull;

/** A county-level district (县区) identified by its 6-digit administrative division code. */
public record District(String code, String nameZh, String nameEn, String cityCode, String cityZh, String cityEn) {
    public District {
        requireNonNull(code, "code");
        requireNonNull(nameZh, "nameZh");
        requireNonNull(nameEn, "nameEn");
        requireNonNull(cityCode, "cityCode");
        requireNonNull(cityZh, "cityZh");
        requireNonNull(cityEn, "cityEn");
        if (!code.matches("\\d{6}")) {
            throw new IllegalArgumentException("Cannot create district: code \"" + code + "\" is not 6 digits");
        }
    }
}
