package cn.xiaoan.api.export;

import cn.xiaoan.analytics.figure.Dimension;
import cn.xiaoan.analytics.figure.Figure;
import cn.xiaoan.analytics.figure.FigureRow;
import cn.xiaoan.analytics.figure.FigureUnit;
import cn.xiaoan.analytics.service.HazardItem;
import cn.xiaoan.analytics.service.HazardPage;
import cn.xiaoan.analytics.service.Trend;
import cn.xiaoan.analytics.service.TrendPoint;
import cn.xiaoan.domain.TaxonomyKind;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Drill-down answers as exportable tables: the hazards behind a figure, a trend. */
public final class DrillExports {
    private DrillExports() {}

    private static final List<ExportColumn> HAZARD_COLUMNS = List.of(
            new ExportColumn("hazard_id", "隐患编号 Hazard id", ColumnKind.TEXT),
            new ExportColumn("school_code", "学校代码 School code", ColumnKind.TEXT),
            new ExportColumn("school_name", "学校名称 School", ColumnKind.TEXT),
            new ExportColumn("district_code", "县区代码 District code", ColumnKind.TEXT),
            new ExportColumn("district_name", "县区 District", ColumnKind.TEXT),
            new ExportColumn("school_type", "学校类型 School type", ColumnKind.TEXT),
            new ExportColumn("boarding", "寄宿制 Boarding", ColumnKind.TEXT),
            new ExportColumn("category", "隐患类别 Category", ColumnKind.TEXT),
            new ExportColumn("severity", "隐患等级 Severity", ColumnKind.TEXT),
            new ExportColumn("inspection_type", "检查方式 Inspection type", ColumnKind.TEXT),
            new ExportColumn("found_date", "发现日期 Found", ColumnKind.DATE),
            new ExportColumn("deadline", "整改期限 Deadline", ColumnKind.DATE),
            new ExportColumn("status", "整改状态 Status", ColumnKind.TEXT),
            new ExportColumn("rectified_date", "整改完成日期 Rectified", ColumnKind.DATE),
            new ExportColumn("days_overdue", "超期天数 Days overdue", ColumnKind.INTEGER),
            new ExportColumn("responsible_person", "责任人 Responsible", ColumnKind.TEXT),
            new ExportColumn("temporary_measures", "临时管控措施 Temporary measures", ColumnKind.TEXT),
            new ExportColumn("location", "隐患部位 Location", ColumnKind.TEXT),
            new ExportColumn("description", "隐患描述 Description", ColumnKind.TEXT),
            // responsibility and 督办 (issue 20), last so earlier columns keep their places
            new ExportColumn("responsible_unit", "整改责任单位 Responsible unit", ColumnKind.TEXT),
            new ExportColumn("supervised", "督办 Supervised", ColumnKind.TEXT));

    /**
     * The listed hazards, one row each, coded values by their Chinese names; the title says when the list holds fewer
     * than the total.
     */
    public static ExportTable hazards(HazardPage page, CodeNames names) {
        var rows = new ArrayList<List<Object>>(page.items().size());
        for (HazardItem item : page.items()) {
            rows.add(Arrays.asList(
                    item.hazardId(),
                    item.schoolCode(),
                    item.schoolName(),
                    item.districtCode(),
                    item.districtName(),
                    names.zh(TaxonomyKind.SCHOOL_TYPE, item.schoolType()),
                    CodeNames.boarding(item.boarding()),
                    names.zh(TaxonomyKind.CATEGORY, item.category()),
                    names.zh(TaxonomyKind.SEVERITY, item.severity()),
                    names.zh(TaxonomyKind.INSPECTION_TYPE, item.inspectionType()),
                    item.foundDate(),
                    item.deadline(),
                    names.zh(TaxonomyKind.STATUS, item.status()),
                    item.rectifiedDate(),
                    item.daysOverdue(),
                    item.responsiblePerson(),
                    item.temporaryMeasures(),
                    item.location(),
                    item.description(),
                    item.responsibleUnit(),
                    item.supervised() == null ? null : item.supervised() ? "是" : "否"));
        }
        String title = "隐患清单 Hazards (" + page.state().code() + ") "
                + page.period().from() + " – " + page.period().to() + "，截至 as of " + page.asOf();
        if (page.items().size() < page.total()) {
            title += "（仅前 " + page.items().size() + " 项，共 " + page.total() + " 项 first "
                    + page.items().size() + " of " + page.total() + "）";
        }
        return new ExportTable(title, HAZARD_COLUMNS, rows);
    }

    /** One row per point and line: the point's code, period and as-of date, the line's codes, then the figures. */
    public static ExportTable trend(Trend trend, List<Figure> figures) {
        var columns = new ArrayList<ExportColumn>();
        columns.add(new ExportColumn(trend.grain().code(), "时间 " + trend.grain().code(), ColumnKind.TEXT));
        columns.add(new ExportColumn("from", "起 From", ColumnKind.DATE));
        columns.add(new ExportColumn("to", "止 To", ColumnKind.DATE));
        columns.add(new ExportColumn("as_of", "截至 As of", ColumnKind.DATE));
        for (Dimension dimension : trend.by()) {
            columns.add(new ExportColumn(
                    dimension.code(), dimension.nameZh() + "代码 " + dimension.nameEn() + " code", ColumnKind.TEXT));
        }
        for (Figure figure : figures) {
            columns.add(new ExportColumn(
                    figure.code(), figure.nameZh() + " " + figure.nameEn(), FigureExports.kind(figure)));
        }
        var rows = new ArrayList<List<Object>>();
        for (TrendPoint point : trend.points()) {
            for (FigureRow row : point.rows()) {
                var values = new ArrayList<Object>();
                values.add(point.code());
                values.add(point.period().from());
                values.add(point.period().to());
                values.add(point.asOf());
                values.addAll(row.keys());
                for (Figure figure : figures) {
                    Double value = row.value(figure);
                    values.add(value == null || figure.unit() != FigureUnit.COUNT ? value : (Object) value.longValue());
                }
                rows.add(values);
            }
        }
        return new ExportTable(
                "趋势 Trend by " + trend.grain().code() + " " + trend.range().from() + " – "
                        + trend.range().to() + "，截至 as of " + trend.asOf(),
                columns,
                rows);
    }
}
