package cn.xiaoan.analytics.campaign;

import static java.util.Objects.requireNonNull;

/** A name in Chinese (shown first) and English. */
public record LocalizedName(String zh, String en) {
    public LocalizedName {
        requireNonNull(zh, "zh");
        requireNonNull(en, "en");
    }
}
