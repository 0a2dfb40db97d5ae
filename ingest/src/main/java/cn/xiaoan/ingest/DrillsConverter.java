package cn.xiaoan.ingest;

import static cn.xiaoan.ingest.ColumnSpec.required;

import java.util.List;

/** Emergency drill records (应急演练记录): one row per drill. */
final class DrillsConverter extends Converter {
    static final int SCHOOL_CODE = 0;
    static final int DRILL_DATE = 1;
    static final int DRILL_TYPE = 2;

    static final Schema SCHEMA = new Schema(List.of(
            required("school_code", "学校标识码", "学校代码", "学校编码", "学校识别码", "标识码", "school_id"),
            required("drill_date", "演练日期", "演练时间", "日期", "date"),
            required("drill_type", "演练类型", "演练项目", "演练内容", "演练科目", "演练主题", "type")));

    private static final String DDL = "school_code VARCHAR, drill_date DATE, drill_type VARCHAR";

    private final Register register;
    private String schoolCode;
    private int drillDate;
    private String drillType;

    DrillsConverter(Register register) {
        this.register = register;
    }

    @Override
    Schema schema() {
        return SCHEMA;
    }

    @Override
    String columnsDdl() {
        return DDL;
    }

    @Override
    boolean convert(RowCheck row) {
        schoolCode = register.check(row, SCHOOL_CODE);
        drillDate = row.date(DRILL_DATE, true);
        drillType = row.requiredText(DRILL_TYPE);
        return row.ok();
    }

    @Override
    void append(RowWriter out) {
        out.text(schoolCode);
        out.date(drillDate);
        out.text(drillType);
    }
}
