package cn.xiaoan.analytics.figure;

import java.time.LocalDate;

/** The campaign the figures, goals and reports measure (忻州's, 2024–2026). */
public final class Campaign {
    /**
     * Hazards found before this day are the legacy (存量) stock. The one definition: SQL receives it as
     * {@code campaign_baseline()} (sql/dialect/functions.sql), the dashboards through {@code GET /api/v1/meta}.
     */
    public static final LocalDate BASELINE = LocalDate.of(2024, 1, 1);

    private Campaign() {}
}
