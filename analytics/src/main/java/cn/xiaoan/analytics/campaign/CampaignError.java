package cn.xiaoan.analytics.campaign;

import static java.util.Objects.requireNonNull;

/**
 * One problem in a campaign file: where (file, 1-based line, field path such as {@code phases[1].from}) and what, in
 * Chinese and English, with the allowed values where there is a closed set.
 */
public record CampaignError(String file, int line, String field, String messageZh, String messageEn) {
    public CampaignError {
        requireNonNull(file, "file");
        requireNonNull(field, "field");
        requireNonNull(messageZh, "messageZh");
        requireNonNull(messageEn, "messageEn");
    }

    /** {@code file:line: field: 中文 / English}, one line. */
    public String text() {
        return file + ":" + line + ": " + field + ": " + messageZh + " / " + messageEn;
    }
}
