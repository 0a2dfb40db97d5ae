package cn.xiaoan.analytics.service;

import static java.util.Objects.requireNonNull;

import cn.xiaoan.analytics.figure.ModelVersion;
import java.time.LocalDate;
import java.util.List;

/**
 * One hazard's page: its current state, every snapshot that reported it (batch, report date, ingest time) and the
 * timeline read from them: found, each report, status and deadline changes, rectified, closed (销号).
 */
public record HazardTimeline(Hazard hazard, List<Snapshot> snapshots, List<Event> events, ModelVersion modelVersion) {
    public HazardTimeline {
        requireNonNull(hazard, "hazard");
        snapshots = List.copyOf(snapshots);
        events = List.copyOf(events);
        requireNonNull(modelVersion, "modelVersion");
    }

    /** A code with its Chinese and English names (the name is the code when the reference data lacks it). */
    public record Named(String code, String nameZh, String nameEn) {
        static Named of(String code, String nameZh, String nameEn) {
            return code == null
                    ? null
                    : new Named(code, nameZh == null ? code : nameZh, nameEn == null ? code : nameEn);
        }
    }

    /**
     * The hazard in its current state; the responsibility and 督办 fields are null when the ledger does not say.
     */
    public record Hazard(
            String hazardId,
            String schoolCode,
            String schoolName,
            Named district,
            Named category,
            Named severity,
            Named inspectionType,
            Named status,
            LocalDate foundDate,
            LocalDate deadline,
            LocalDate rectifiedDate,
            LocalDate closedDate,
            String location,
            String description,
            String inspector,
            String responsiblePerson,
            String measures,
            String temporaryMeasures,
            String responsibleUnit,
            Boolean supervised,
            String supervisedBy,
            LocalDate supervisedDate) {}

    /** One standing batch's row for the hazard. {@code ingestedAt} is UTC ISO-8601 text (null for an unknown batch). */
    public record Snapshot(
            int number,
            long batchId,
            LocalDate reportDate,
            String ingestedAt,
            String fileName,
            Named status,
            LocalDate deadline,
            LocalDate rectifiedDate,
            LocalDate closedDate,
            String responsiblePerson,
            String measures) {}

    /**
     * One line of the timeline. {@code batchId} is the batch that reported it (null for the found, rectified and closed
     * dates, which the ledger states rather than a batch); {@code from} and {@code to} are set for changes only.
     */
    public record Event(LocalDate date, EventKind kind, Long batchId, Named from, Named to) {
        public Event {
            requireNonNull(kind, "kind");
        }
    }

    /** What happened, in the order events of one day are told. */
    public enum EventKind {
        FOUND("发现隐患", "Found"),
        REPORTED("台账上报", "Reported"),
        STATUS_CHANGED("状态变更", "Status changed"),
        DEADLINE_CHANGED("整改期限变更", "Deadline changed"),
        SUPERVISED("挂牌督办", "Listed for supervision"),
        RECTIFIED("整改完成", "Rectified"),
        CLOSED("销号", "Closed (signed off)");

        private final String nameZh;
        private final String nameEn;

        EventKind(String nameZh, String nameEn) {
            this.nameZh = nameZh;
            this.nameEn = nameEn;
        }

        public String code() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        public String nameZh() {
            return nameZh;
        }

        public String nameEn() {
            return nameEn;
        }
    }
}
