package cn.xiaoan.ingest;

import static cn.xiaoan.ingest.ColumnSpec.required;

import java.util.List;

/** Security facility surveys (安防设施调查): the six 100% indicators per school and survey date. */
final class SurveysConverter extends Converter {
    static final int SCHOOL_CODE = 0;
    static final int SURVEY_DATE = 1;
    /** The six yes/no columns follow the date, in Parquet order. */
    static final int FIRST_FLAG = 2;

    static final int FLAG_COUNT = 6;

    static final Schema SCHEMA = new Schema(List.of(
            required("school_code", "学校标识码", "学校代码", "学校编码", "学校识别码", "标识码", "school_id"),
            required("survey_date", "调查日期", "排查日期", "检查日期", "日期", "date"),
            required("closed_management", "封闭化管理", "校园封闭化管理", "封闭管理"),
            required("full_time_guards", "专职保安", "专职保安员", "配备专职保安", "专职保安配备"),
            required("one_key_alarm", "一键报警", "一键式紧急报警", "一键报警装置", "一键报警系统"),
            required("video_police_link", "视频监控与公安联网", "视频监控联网", "视频监控与公安机关联网", "视频监控"),
            required("school_guard_post", "护学岗", "护学岗设置", "设置护学岗"),
            required("anti_ram_barriers", "硬质防冲撞设施", "防冲撞设施", "硬质隔离设施")));

    private static final String DDL = "school_code VARCHAR, survey_date DATE, closed_management BOOLEAN,"
            + " full_time_guards BOOLEAN, one_key_alarm BOOLEAN, video_police_link BOOLEAN,"
            + " school_guard_post BOOLEAN, anti_ram_barriers BOOLEAN";

    private final Register register;
    private final int[] flags = new int[FLAG_COUNT];
    private String schoolCode;
    private int surveyDate;

    SurveysConverter(Register register) {
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
        surveyDate = row.date(SURVEY_DATE, true);
        for (int i = 0; i < FLAG_COUNT; i++) {
            flags[i] = row.flag(FIRST_FLAG + i, true);
        }
        return row.ok();
    }

    @Override
    void append(RowWriter out) {
        out.text(schoolCode);
        out.date(surveyDate);
        for (int flag : flags) {
            out.bool(flag == 1);
        }
    }
}
