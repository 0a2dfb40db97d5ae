package cn.xiaoan.api.server;

import cn.xiaoan.analytics.figure.Dimension;
import cn.xiaoan.analytics.figure.Figure;
import cn.xiaoan.analytics.service.HazardItem;
import cn.xiaoan.analytics.service.HazardPage;
import cn.xiaoan.analytics.service.SchoolProfile;
import cn.xiaoan.analytics.service.Trend;
import cn.xiaoan.analytics.service.TrendPoint;
import cn.xiaoan.api.output.FigureTableOutput;
import cn.xiaoan.api.server.JsonBodies.FigureBody;
import cn.xiaoan.api.server.JsonBodies.PeriodBody;
import cn.xiaoan.api.server.JsonBodies.VersionBody;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** The JSON bodies of the drill-down endpoints (hazard lists, trends, school pages), codes as everywhere else. */
final class DrillBodies {
    private DrillBodies() {}

    static Map<String, List<String>> codes(Map<Dimension, Set<String>> filters) {
        var codes = new LinkedHashMap<String, List<String>>();
        filters.forEach((dimension, values) -> codes.put(dimension.code(), List.copyOf(values)));
        return codes;
    }

    record HazardPageBody(
            PeriodBody period,
            LocalDate asOf,
            String state,
            Map<String, List<String>> filters,
            List<String> schools,
            String q,
            String sort,
            String order,
            int page,
            int size,
            long total,
            long pages,
            List<HazardItem> items,
            VersionBody modelVersion) {
        static HazardPageBody of(HazardPage page) {
            return new HazardPageBody(
                    PeriodBody.of(page.period()),
                    page.asOf(),
                    page.state().code(),
                    codes(page.filters()),
                    List.copyOf(new TreeSet<>(page.schools())),
                    page.text(),
                    page.sort().code(),
                    page.direction().name().toLowerCase(java.util.Locale.ROOT),
                    page.page(),
                    page.size(),
                    page.total(),
                    page.pages(),
                    page.items(),
                    VersionBody.of(page.modelVersion()));
        }
    }

    record PointBody(String code, PeriodBody period, LocalDate asOf, List<Map<String, Object>> rows) {
        static PointBody of(TrendPoint point, List<Dimension> by, List<Figure> figures) {
            return new PointBody(
                    point.code(),
                    PeriodBody.of(point.period()),
                    point.asOf(),
                    point.rows().stream()
                            .map(row -> FigureTableOutput.row(by, row, figures))
                            .toList());
        }
    }

    record TrendBody(
            String grain,
            PeriodBody range,
            LocalDate asOf,
            List<String> by,
            Map<String, List<String>> filters,
            List<FigureBody> figures,
            List<PointBody> points,
            VersionBody modelVersion) {
        static TrendBody of(Trend trend, List<Figure> figures) {
            return new TrendBody(
                    trend.grain().code(),
                    PeriodBody.of(trend.range()),
                    trend.asOf(),
                    trend.by().stream().map(Dimension::code).toList(),
                    codes(trend.filters()),
                    figures.stream().map(FigureBody::of).toList(),
                    trend.points().stream()
                            .map(point -> PointBody.of(point, trend.by(), figures))
                            .toList(),
                    VersionBody.of(trend.modelVersion()));
        }
    }

    record SchoolBody(
            SchoolProfile.School school,
            LocalDate asOf,
            PeriodBody period,
            SchoolProfile.Counts counts,
            List<SchoolProfile.Month> history,
            HazardPageBody openItems,
            List<SchoolProfile.Drill> drills,
            SchoolProfile.Survey survey,
            VersionBody modelVersion) {
        static SchoolBody of(SchoolProfile profile) {
            return new SchoolBody(
                    profile.school(),
                    profile.asOf(),
                    PeriodBody.of(profile.period()),
                    profile.counts(),
                    profile.history(),
                    HazardPageBody.of(profile.openItems()),
                    profile.drills(),
                    profile.survey().orElse(null),
                    VersionBody.of(profile.modelVersion()));
        }
    }
}
