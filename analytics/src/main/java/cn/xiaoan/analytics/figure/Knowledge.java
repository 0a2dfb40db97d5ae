package cn.xiaoan.analytics.figure;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonValue;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What xiaoan knew when it answered (the second time axis of every figure). {@code knownAt} is transaction time: only
 * batches ingested at or before it, and only withdrawals recorded at or before it, so the answer is the one xiaoan gave
 * then. {@code reportedBy} is the schools' own time: only snapshots whose report date is on or before it, even those
 * loaded later. Both absent: everything standing now (the published model).
 */
public record Knowledge(Optional<Instant> knownAt, Optional<LocalDate> reportedBy) {
    /** The zone in which a bare date names a day (the bureaus' day). */
    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    /** Everything standing now: the published model. */
    public static final Knowledge LATEST = new Knowledge(Optional.empty(), Optional.empty());

    public Knowledge {
        requireNonNull(knownAt, "knownAt");
        requireNonNull(reportedBy, "reportedBy");
    }

    public static Knowledge knownAt(Instant instant) {
        return new Knowledge(Optional.of(instant), Optional.empty());
    }

    public static Knowledge reportedBy(LocalDate date) {
        return new Knowledge(Optional.empty(), Optional.of(date));
    }

    /** True when nothing narrows the batches: the question is answered from the published model. */
    public boolean latest() {
        return knownAt.isEmpty() && reportedBy.isEmpty();
    }

    /** The last instant of {@code day} in {@link #ZONE}: "known on 11-25" means known by the end of that day. */
    public static Instant endOf(LocalDate day) {
        return day.plusDays(1).atStartOfDay(ZONE).toInstant().minusNanos(1);
    }

    /**
     * How answers serialised whole (a {@link ModelVersion} inside a warning report, a goal report…) show it:
     * {@code {"knownAt": "2026-11-25T10:00:00Z", "reportedBy": "2026-11-20"}} with only what was asked, {@code {}}
     * as known now.
     */
    @JsonValue
    public Map<String, String> json() {
        var json = new LinkedHashMap<String, String>();
        knownAt.ifPresent(at -> json.put("knownAt", at.toString()));
        reportedBy.ifPresent(date -> json.put("reportedBy", date.toString()));
        return json;
    }

    /** For messages and stamps, e.g. {@code 截至 2026-11-25T18:00+08:00 已知，填报日期不晚于 2026-11-20 / known at …}. */
    public String describe() {
        if (latest()) {
            return "当前数据 / as known now";
        }
        var zh = new StringBuilder();
        var en = new StringBuilder();
        knownAt.ifPresent(at -> {
            zh.append("截至 ").append(at.atZone(ZONE).toOffsetDateTime()).append(" 已知");
            en.append("known at ").append(at.atZone(ZONE).toOffsetDateTime());
        });
        reportedBy.ifPresent(date -> {
            zh.append(zh.isEmpty() ? "" : "，").append("填报日期不晚于 ").append(date);
            en.append(en.isEmpty() ? "" : ", ").append("reported by ").append(date);
        });
        return zh + " / " + en;
    }
}
