package cn.xiaoan.api.server;

import cn.xiaoan.analytics.figure.Cell;
import cn.xiaoan.analytics.figure.Dimension;
import cn.xiaoan.analytics.figure.Figure;
import cn.xiaoan.analytics.figure.Member;
import cn.xiaoan.analytics.figure.ModelVersion;
import cn.xiaoan.analytics.figure.Period;
import cn.xiaoan.analytics.service.GoalMeasure;
import cn.xiaoan.analytics.service.GoalProgress;
import cn.xiaoan.analytics.service.GoalReport;
import cn.xiaoan.analytics.service.Heatmap;
import cn.xiaoan.api.output.CampaignBodies;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The JSON bodies of the API, kept apart from the analytics records so that the wire format changes only on purpose.
 * Dimensions and figures appear as their codes with Chinese and English names alongside.
 */
public final class JsonBodies {
    private JsonBodies() {}

    record Named(String code, String nameZh, String nameEn) {
        static Named of(Dimension dimension) {
            return new Named(dimension.code(), dimension.nameZh(), dimension.nameEn());
        }

        static Named of(Member member) {
            return new Named(member.code(), member.nameZh(), member.nameEn());
        }
    }

    record FigureBody(String code, String nameZh, String nameEn, String unit) {
        static FigureBody of(Figure figure) {
            return new FigureBody(
                    figure.code(),
                    figure.nameZh(),
                    figure.nameEn(),
                    figure.unit().name().toLowerCase(Locale.ROOT));
        }
    }

    /** {@code knownAt} and {@code reportedBy}: the knowledge time of a known-at answer, absent (null) otherwise. */
    public record VersionBody(
            long version, List<Long> batchIds, Instant builtAt, Instant knownAt, java.time.LocalDate reportedBy) {
        static VersionBody of(ModelVersion version) {
            return new VersionBody(
                    version.version(),
                    version.batchIds(),
                    version.builtAt(),
                    version.knowledge().knownAt().orElse(null),
                    version.knowledge().reportedBy().orElse(null));
        }
    }

    record ChangeBody(
            String code, String nameZh, String nameEn, String unit, Double current, Double previous, Double change) {
        static ChangeBody of(cn.xiaoan.analytics.figure.FigureChange change) {
            Figure figure = change.figure();
            return new ChangeBody(
                    figure.code(),
                    figure.nameZh(),
                    figure.nameEn(),
                    figure.unit().name().toLowerCase(Locale.ROOT),
                    change.current(),
                    change.previous(),
                    change.change());
        }
    }

    record ComparisonBody(
            PeriodBody period,
            LocalDate asOf,
            PeriodBody previousPeriod,
            LocalDate previousAsOf,
            Map<String, List<String>> filters,
            List<ChangeBody> figures,
            VersionBody modelVersion) {}

    public record PeriodBody(LocalDate from, LocalDate to) {
        static PeriodBody of(Period period) {
            return new PeriodBody(period.from(), period.to());
        }
    }

    record Axis(Named dimension, List<Named> members) {}

    record CellBody(String row, String column, Double value) {
        static CellBody of(Cell cell) {
            return new CellBody(cell.rowCode(), cell.columnCode(), cell.value());
        }
    }

    record HeatmapBody(
            FigureBody metric,
            LocalDate asOf,
            PeriodBody period,
            Axis rows,
            Axis columns,
            List<CellBody> cells,
            VersionBody modelVersion) {
        static HeatmapBody of(Heatmap heatmap) {
            return new HeatmapBody(
                    FigureBody.of(heatmap.metric()),
                    heatmap.asOf(),
                    PeriodBody.of(heatmap.period()),
                    new Axis(
                            Named.of(heatmap.rowDimension()),
                            heatmap.rows().stream().map(Named::of).toList()),
                    new Axis(
                            Named.of(heatmap.columnDimension()),
                            heatmap.columns().stream().map(Named::of).toList()),
                    heatmap.cells().stream().map(CellBody::of).toList(),
                    VersionBody.of(heatmap.modelVersion()));
        }
    }

    record HealthBody(String status, VersionBody model, String message) {}

    public record GoalMeasureBody(
            String code,
            String nameZh,
            String nameEn,
            String figure,
            boolean majorOnly,
            PeriodBody period,
            LocalDate asOf,
            Double value) {
        static GoalMeasureBody of(GoalMeasure measure) {
            return new GoalMeasureBody(
                    measure.code(),
                    measure.nameZh(),
                    measure.nameEn(),
                    measure.figure().code(),
                    measure.majorOnly(),
                    PeriodBody.of(measure.period()),
                    measure.asOf(),
                    measure.value());
        }
    }

    public record GoalBody(
            String district,
            String goal,
            String nameZh,
            String nameEn,
            LocalDate deadline,
            String status,
            String statusZh,
            String statusEn,
            List<GoalMeasureBody> measures) {
        static GoalBody of(GoalProgress progress) {
            return new GoalBody(
                    progress.districtCode(),
                    progress.goal().id(),
                    progress.goal().name().zh(),
                    progress.goal().name().en(),
                    progress.goal().judgedOn(),
                    progress.status().name(),
                    progress.status().nameZh(),
                    progress.status().nameEn(),
                    progress.measures().stream().map(GoalMeasureBody::of).toList());
        }
    }

    /** {@code campaign}: which campaign's goals these are, with its dates (the dashboards hold none of their own). */
    public record GoalsBody(
            CampaignBodies.Summary campaign, LocalDate asOf, VersionBody modelVersion, List<GoalBody> goals) {
        public static GoalsBody of(GoalReport report, boolean primary) {
            return new GoalsBody(
                    CampaignBodies.Summary.of(report.campaign(), primary),
                    report.asOf(),
                    VersionBody.of(report.modelVersion()),
                    report.progress().stream().map(GoalBody::of).toList());
        }
    }
}
