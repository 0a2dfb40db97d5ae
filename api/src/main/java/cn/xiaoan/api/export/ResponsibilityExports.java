package cn.xiaoan.api.export;

import cn.xiaoan.analytics.service.ResponsibilityItem;
import cn.xiaoan.analytics.service.ResponsibilityList;
import cn.xiaoan.domain.TaxonomyKind;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The 整改责任清单 (responsibility list, the second of the 两个清单) as an exportable table: per hazard what it is, the
 * measures, the responsible unit and person, the deadline, the status and the 督办 listing, headed and named in
 * Chinese or English for the people it is handed to (a CSV's header row is the headings too, see {@link CsvHeader}).
 */
public final class ResponsibilityExports {
    private ResponsibilityExports() {}

    /** The columns: machine code, Chinese heading, English heading, kind. */
    private record Column(String code, String zh, String en, ColumnKind kind) {}

    private static final List<Column> COLUMNS = List.of(
            new Column("number", "序号", "No.", ColumnKind.INTEGER),
            new Column("district", "县区", "District", ColumnKind.TEXT),
            new Column("school_name", "学校名称", "School", ColumnKind.TEXT),
            new Column("school_code", "学校标识码", "School code", ColumnKind.TEXT),
            new Column("hazard_id", "隐患编号", "Hazard id", ColumnKind.TEXT),
            new Column("category", "隐患类别", "Category", ColumnKind.TEXT),
            new Column("severity", "隐患等级", "Severity", ColumnKind.TEXT),
            new Column("location", "隐患部位", "Location", ColumnKind.TEXT),
            new Column("description", "隐患描述", "Description", ColumnKind.TEXT),
            new Column("measures", "整改措施", "Measures", ColumnKind.TEXT),
            new Column("temporary_measures", "临时防范措施", "Temporary measures", ColumnKind.TEXT),
            new Column("responsible_unit", "整改责任单位", "Responsible unit", ColumnKind.TEXT),
            new Column("responsible_person", "整改责任人", "Responsible person", ColumnKind.TEXT),
            new Column("found_date", "发现日期", "Found", ColumnKind.DATE),
            new Column("deadline", "整改期限", "Deadline", ColumnKind.DATE),
            new Column("status", "整改状态", "Status", ColumnKind.TEXT),
            new Column("rectified_date", "整改完成日期", "Rectified", ColumnKind.DATE),
            new Column("closed_date", "销号日期", "Closed (signed off)", ColumnKind.DATE),
            new Column("days_overdue", "超期天数", "Days overdue", ColumnKind.INTEGER),
            new Column("supervised", "是否督办", "Listed for supervision", ColumnKind.TEXT),
            new Column("supervised_by", "督办单位", "Listed by", ColumnKind.TEXT),
            new Column("supervised_date", "督办日期", "Listed on", ColumnKind.DATE));

    /** The list as a table in the language; coded values by their names. */
    public static ExportTable table(ResponsibilityList list, CodeNames names, ExportLanguage language) {
        var columns = COLUMNS.stream()
                .map(column -> new ExportColumn(column.code(), language.pick(column.zh(), column.en()), column.kind()))
                .toList();
        var rows = new ArrayList<List<Object>>(list.items().size());
        int number = 0;
        for (ResponsibilityItem item : list.items()) {
            rows.add(Arrays.asList(
                    ++number,
                    names.district(item.districtCode(), language),
                    item.schoolName(),
                    item.schoolCode(),
                    item.hazardId(),
                    names.name(TaxonomyKind.CATEGORY, item.category(), language),
                    names.name(TaxonomyKind.SEVERITY, item.severity(), language),
                    item.location(),
                    item.description(),
                    item.measures(),
                    item.temporaryMeasures(),
                    item.responsibleUnit(),
                    item.responsiblePerson(),
                    item.foundDate(),
                    item.deadline(),
                    names.name(TaxonomyKind.STATUS, item.status(), language),
                    item.rectifiedDate(),
                    item.closedDate(),
                    item.daysOverdue(),
                    item.supervised() == null
                            ? null
                            : language.pick(item.supervised() ? "是" : "否", item.supervised() ? "yes" : "no"),
                    item.supervisedBy(),
                    item.supervisedDate()));
        }
        return new ExportTable(title(list, language), columns, rows);
    }

    private static String title(ResponsibilityList list, ExportLanguage language) {
        String which = list.query().openOnly()
                ? language.pick("未整改隐患", "hazards open")
                : language.pick("整改状态 ", "status ")
                        + String.join(
                                ",",
                                list.query().statuses().stream()
                                        .map(Enum::name)
                                        .sorted()
                                        .toList());
        String supervised =
                list.query().supervisedOnly() ? language.pick("，仅挂牌督办", ", listed for supervision only") : "";
        String shown = list.truncated()
                ? language.pick(
                        "（仅前 " + list.items().size() + " 项）",
                        " (first " + list.items().size() + ")")
                : "";
        return language.pick(
                "整改责任清单（截至 " + list.asOf() + "，" + which + supervised + "，共 " + list.total() + " 项）" + shown,
                "Responsibility list (as of " + list.asOf() + ", " + which + supervised + ", " + list.total()
                        + " in all)" + shown);
    }
}
