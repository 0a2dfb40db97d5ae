package cn.xiaoan.api.server;

import cn.xiaoan.analytics.Cell;
import cn.xiaoan.analytics.Dimension;
import cn.xiaoan.analytics.Figure;
import cn.xiaoan.analytics.Heatmap;
import cn.xiaoan.analytics.Member;
import cn.xiaoan.analytics.ModelVersion;
import cn.xiaoan.analytics.Period;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The JSON bodies of the API, kept apart from the analytics records so that the wire format changes only on purpose.
 * Dimensions and figures appear as their codes with Chinese and English names alongside.
 */
final class JsonBodies {
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

    record VersionBody(long version, List<Long> batchIds, Instant builtAt) {
        static VersionBody of(ModelVersion version) {
            return new VersionBody(version.version(), version.batchIds(), version.builtAt());
        }
    }

    record PeriodBody(LocalDate from, LocalDate to) {
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

    record CatalogBody(List<FigureBody> figures, List<Named> dimensions) {
        static CatalogBody of() {
            return new CatalogBody(
                    Arrays.stream(Figure.values()).map(FigureBody::of).toList(),
                    Arrays.stream(Dimension.values()).map(Named::of).toList());
        }
    }
}
