package cn.xiaoan.analytics.figure;

import static java.util.Objects.requireNonNull;

/** One member of a dimension (a district, a category, ...): its code and its Chinese and English names. */
public record Member(String code, String nameZh, String nameEn) {
    public Member {
        requireNonNull(code, "code");
        requireNonNull(nameZh, "nameZh");
        requireNonNull(nameEn, "nameEn");
    }
}
