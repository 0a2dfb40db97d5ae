package cn.xiaoan.analytics.service;

import static java.util.Objects.requireNonNull;

import cn.xiaoan.analytics.figure.DistrictScope;
import cn.xiaoan.analytics.figure.SqlTemplate;
import cn.xiaoan.analytics.service.HazardTimeline.Event;
import cn.xiaoan.analytics.service.HazardTimeline.EventKind;
import cn.xiaoan.analytics.service.HazardTimeline.Hazard;
import cn.xiaoan.analytics.service.HazardTimeline.Named;
import cn.xiaoan.analytics.service.HazardTimeline.Snapshot;
import cn.xiaoan.analytics.serving.ModelSnapshot;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** One hazard's history: its snapshots from {@code hazard_history} and the timeline they tell. */
public final class HazardHistoryService {
    private static final SqlTemplate HAZARD = SqlTemplate.load("drill/hazard.sql");
    private static final SqlTemplate SNAPSHOTS = SqlTemplate.load("drill/hazard_snapshots.sql");

    private final FigureService figures;

    public HazardHistoryService(FigureService figures) {
        this.figures = requireNonNull(figures, "figures");
    }

    /** The hazard's timeline from the published model; unknown or out of scope → {@link UnknownHazardException}. */
    public HazardTimeline timeline(String schoolCode, String hazardId, DistrictScope scope) {
        return timeline(figures.snapshot(), schoolCode, hazardId, scope);
    }

    /** The hazard's timeline from the given snapshot (its state and history from one model version). */
    public HazardTimeline timeline(ModelSnapshot snapshot, String schoolCode, String hazardId, DistrictScope scope) {
        requireNonNull(snapshot, "snapshot");
        requireNonNull(schoolCode, "schoolCode");
        requireNonNull(hazardId, "hazardId");
        requireNonNull(scope, "scope");
        Map<String, Object> parameters = Map.of(
                "school_code", schoolCode.strip(), "hazard_id", hazardId.strip(), "scope_district", scope.parameter());
        Hazard hazard = figures.select(snapshot.model(), HAZARD, parameters, HazardHistoryService::hazard).stream()
                .findFirst()
                .orElseThrow(() -> new UnknownHazardException(schoolCode.strip(), hazardId.strip()));
        List<Snapshot> snapshots =
                figures.select(snapshot.model(), SNAPSHOTS, parameters, HazardHistoryService::snapshot);
        return new HazardTimeline(hazard, snapshots, events(hazard, snapshots), snapshot.version());
    }

    /**
     * The timeline: found; each report, with the status and deadline changes it brought (against the previous
     * snapshot); rectified and closed as the current state dates them. Ordered by date, then by {@link EventKind}.
     */
    static List<Event> events(Hazard hazard, List<Snapshot> snapshots) {
        var events = new ArrayList<Event>();
        if (hazard.foundDate() != null) {
            events.add(new Event(hazard.foundDate(), EventKind.FOUND, null, null, null));
        }
        Snapshot previous = null;
        for (Snapshot snapshot : snapshots) {
            events.add(new Event(snapshot.reportDate(), EventKind.REPORTED, snapshot.batchId(), null, null));
            if (previous != null && !Objects.equals(code(previous.status()), code(snapshot.status()))) {
                events.add(new Event(
                        snapshot.reportDate(),
                        EventKind.STATUS_CHANGED,
                        snapshot.batchId(),
                        previous.status(),
                        snapshot.status()));
            }
            if (previous != null && !Objects.equals(previous.deadline(), snapshot.deadline())) {
                events.add(new Event(
                        snapshot.reportDate(),
                        EventKind.DEADLINE_CHANGED,
                        snapshot.batchId(),
                        date(previous.deadline()),
                        date(snapshot.deadline())));
            }
            previous = snapshot;
        }
        if (hazard.supervisedDate() != null) {
            // the listing as the ledger dates it, with who listed it when the ledger says
            Named by = hazard.supervisedBy() == null
                    ? null
                    : new Named(hazard.supervisedBy(), hazard.supervisedBy(), hazard.supervisedBy());
            events.add(new Event(hazard.supervisedDate(), EventKind.SUPERVISED, null, null, by));
        }
        if (hazard.rectifiedDate() != null) {
            events.add(new Event(hazard.rectifiedDate(), EventKind.RECTIFIED, null, null, null));
        }
        if (hazard.closedDate() != null) {
            events.add(new Event(hazard.closedDate(), EventKind.CLOSED, null, null, null));
        }
        events.sort(Comparator.comparing(Event::date, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(Event::kind));
        return events;
    }

    private static String code(Named named) {
        return named == null ? null : named.code();
    }

    /** A date as a change's value: no deadline reads 无 / none. */
    private static Named date(LocalDate date) {
        return date == null ? new Named("", "无", "none") : new Named(date.toString(), date.toString(), date.toString());
    }

    private static Hazard hazard(ResultSet row) throws SQLException {
        return new Hazard(
                row.getString("hazard_id"),
                row.getString("school_code"),
                row.getString("school_name"),
                named(row, "district_code", "district_name"),
                named(row, "category", "category_name"),
                named(row, "severity", "severity_name"),
                named(row, "inspection_type", "inspection_type_name"),
                named(row, "status", "status_name"),
                HazardListService.date(row, "found_date"),
                HazardListService.date(row, "deadline"),
                HazardListService.date(row, "rectified_date"),
                HazardListService.date(row, "closed_date"),
                row.getString("location"),
                row.getString("description"),
                row.getString("inspector"),
                row.getString("responsible_person"),
                row.getString("measures"),
                row.getString("temporary_measures"),
                row.getString("responsible_unit"),
                HazardListService.flag(row, "supervised"),
                row.getString("supervised_by"),
                HazardListService.date(row, "supervised_date"));
    }

    private static Snapshot snapshot(ResultSet row) throws SQLException {
        return new Snapshot(
                row.getInt("snapshot_number"),
                row.getLong("batch_id"),
                HazardListService.date(row, "report_date"),
                row.getString("ingested_at"),
                row.getString("file_name"),
                named(row, "status", "status_name"),
                HazardListService.date(row, "deadline"),
                HazardListService.date(row, "rectified_date"),
                HazardListService.date(row, "closed_date"),
                row.getString("responsible_person"),
                row.getString("measures"));
    }

    private static Named named(ResultSet row, String codeColumn, String namePrefix) throws SQLException {
        return Named.of(
                row.getString(codeColumn), row.getString(namePrefix + "_zh"), row.getString(namePrefix + "_en"));
    }
}
