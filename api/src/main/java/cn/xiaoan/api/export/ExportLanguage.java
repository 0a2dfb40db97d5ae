package cn.xiaoan.api.export;

import java.util.Locale;

/** The language of an export's headings and names for people: Chinese (the default) or English. */
public enum ExportLanguage {
    ZH,
    EN;

    /** {@code zh} or {@code en}, any case; blank means Chinese. */
    public static ExportLanguage fromCode(String code) {
        if (code == null || code.isBlank()) {
            return ZH;
        }
        return switch (code.strip().toLowerCase(Locale.ROOT)) {
            case "zh", "zh-cn", "cn" -> ZH;
            case "en", "en-us", "en-gb" -> EN;
            default ->
                throw new IllegalArgumentException(
                        "Unknown language \"" + code + "\": use zh or en / 语言应为 zh（中文）或 en（英文）");
        };
    }

    public String pick(String zh, String en) {
        return this == ZH ? zh : en;
    }
}
