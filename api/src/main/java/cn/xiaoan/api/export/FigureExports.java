package cn.xiaoan.api.export;

import cn.xiaoan.analytics.figure.Dimension;
import cn.xiaoan.analytics.figure.Figure;
import cn.xiaoan.analytics.figure.FigureRow;
import cn.xiaoan.analytics.figure.FigureTable;
import cn.xiaoan.analytics.figure.FigureUnit;
import cn.xiaoan.analytics.figure.Member;
import cn.xiaoan.analytics.service.Heatmap;
import cn.xiaoan.analytics.sql.QueryResult;
import cn.xiaoan.analytics.sql.ResultColumn;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/** The answers of the API as exportable tables: a figure table, a heatmap, an analyst's query result. */
public final class FigureExports {
    private FigureExports() {}

    /**
     * Per row the breakdown codes and names (from {@code members}; time keys are their own names), then every figure.
     */
    public static ExportTable figures(FigureTable table, Function<Dimension, List<Member>> members) {
        var columns = new ArrayList<ExportColumn>();
        var names = new ArrayList<Map<String, String>>();
        for (Dimension dimension : table.by()) {
            columns.add(new ExportColumn(
                    dimension.code(), dimension.nameZh() + "代码 " + dimension.nameEn() + " code", ColumnKind.TEXT));
            columns.add(new ExportColumn(
                    dimension.code() + "_name", dimension.nameZh() + " " + dimension.nameEn(), ColumnKind.TEXT));
            names.add(byCode(members.apply(dimension)));
        }
        for (Figure figure : Figure.values()) {
            columns.add(new ExportColumn(figure.code(), figure.nameZh() + " " + figure.nameEn(), kind(figure)));
        }
        var rows = new ArrayList<List<Object>>();
        for (FigureRow row : table.rows()) {
            var values = new ArrayList<Object>();
            for (int i = 0; i < table.by().size(); i++) {
                String code = row.keys().get(i);
                values.add(code);
                values.add(names.get(i).getOrDefault(code, code));
            }
            for (Figure figure : Figure.values()) {
                values.add(value(figure, row.value(figure)));
            }
            rows.add(values);
        }
        return new ExportTable(
                "隐患指标 Figures " + table.period().from() + " – " + table.period().to() + "，截至 as of " + table.asOf(),
                columns,
                rows);
    }

    /** One row per heatmap row member, one column per column member, the metric in the cells. */
    public static ExportTable heatmap(Heatmap heatmap) {
        Figure metric = heatmap.metric();
        var columns = new ArrayList<ExportColumn>();
        columns.add(new ExportColumn(
                heatmap.rowDimension().code(), heatmap.rowDimension().nameZh() + "代码 code", ColumnKind.TEXT));
        columns.add(new ExportColumn(
                heatmap.rowDimension().code() + "_name",
                heatmap.rowDimension().nameZh() + " " + heatmap.rowDimension().nameEn(),
                ColumnKind.TEXT));
        for (Member column : heatmap.columns()) {
            columns.add(new ExportColumn(column.code(), column.nameZh() + " " + column.nameEn(), kind(metric)));
        }
        var rows = new ArrayList<List<Object>>();
        for (Member row : heatmap.rows()) {
            var values = new ArrayList<Object>();
            values.add(row.code());
            values.add(row.nameZh());
            for (Member column : heatmap.columns()) {
                values.add(value(metric, heatmap.cell(row.code(), column.code()).value()));
            }
            rows.add(values);
        }
        return new ExportTable(
                "热力图 Heatmap: " + metric.nameZh() + " " + metric.nameEn() + "（"
                        + heatmap.rowDimension().nameZh() + " × "
                        + heatmap.columnDimension().nameZh() + "，"
                        + heatmap.period().from() + " – " + heatmap.period().to() + "，截至 " + heatmap.asOf() + "）",
                columns,
                rows);
    }

    /** An analyst's result as the console returned it; column kinds from the DuckDB types. */
    public static ExportTable query(QueryResult result) {
        var columns = new ArrayList<ExportColumn>();
        for (ResultColumn column : result.columns()) {
            columns.add(
                    new ExportColumn(column.name(), column.name() + " (" + column.type() + ")", kind(column.type())));
        }
        return new ExportTable(
                "数据查询 SQL console" + (result.truncated() ? "（结果已截断 truncated）" : ""), columns, result.rows());
    }

    static ColumnKind kind(Figure figure) {
        return switch (figure.unit()) {
            case COUNT -> ColumnKind.INTEGER;
            case RATE -> ColumnKind.PERCENT;
            default -> ColumnKind.DECIMAL;
        };
    }

    private static ColumnKind kind(String duckDbType) {
        String type = duckDbType.toUpperCase(Locale.ROOT);
        if (type.matches("(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT).*")) {
            return ColumnKind.INTEGER;
        }
        if (type.matches("(DOUBLE|FLOAT|REAL|DECIMAL).*")) {
            return ColumnKind.DECIMAL;
        }
        if (type.equals("DATE")) {
            return ColumnKind.DATE;
        }
        return ColumnKind.TEXT;
    }

    private static Object value(Figure figure, Double value) {
        if (value == null) {
            return null;
        }
        return figure.unit() == FigureUnit.COUNT ? (Object) value.longValue() : value;
    }

    private static Map<String, String> byCode(List<Member> members) {
        var names = new HashMap<String, String>();
        for (Member member : members) {
            names.put(member.code(), member.nameZh());
        }
        return names;
    }
}
