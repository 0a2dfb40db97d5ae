package cn.xiaoan.generate;

import cn.xiaoan.domain.Dataset;
import java.util.List;

/** The columns of one generated dataset: Chinese headers for CSV and XLSX, English keys for JSON. */
record TableLayout(Dataset dataset, String title, List<Column> columns) {
    enum Kind {
        TEXT,
        DATE,
        NUMBER
    }

    record Column(String header, String key, Kind kind, int width) {}

    TableLayout {
        columns = List.copyOf(columns);
    }

    int size() {
        return columns.size();
    }

    static final TableLayout SCHOOLS = new TableLayout(
            Dataset.SCHOOLS,
            "学校名册",
            List.of(
                    text("学校标识码", "school_code", 14),
                    text("学校名称", "name", 30),
                    text("行政区划代码", "district_code", 12),
                    text("学校类型", "school_type", 14),
                    text("是否寄宿制", "boarding", 10),
                    new Column("在校生数", "students", Kind.NUMBER, 10)));

    static final TableLayout LEDGER = new TableLayout(
            Dataset.LEDGER,
            "学校安全隐患排查整治台账",
            List.of(
                    text("隐患编号", "hazard_id", 22),
                    text("学校标识码", "school_code", 14),
                    text("学校名称", "school_name", 28),
                    date("发现日期", "found_date"),
                    text("检查方式", "inspection_type", 10),
                    text("检查人/督查组", "inspector", 16),
                    text("隐患类别", "category", 16),
                    text("隐患部位", "location", 12),
                    text("隐患描述", "description", 36),
                    text("隐患等级", "severity", 14),
                    text("整改措施", "measures", 36),
                    text("临时防范措施", "temporary_measures", 24),
                    text("整改责任人", "responsible_person", 12),
                    date("整改期限", "deadline"),
                    text("整改状态", "status", 10),
                    date("整改完成日期", "rectified_date"),
                    date("销号日期", "closed_date"),
                    text("判定依据", "basis", 36)));

    static final TableLayout INSPECTIONS = new TableLayout(
            Dataset.INSPECTIONS,
            "学校安全检查记录",
            List.of(
                    text("学校标识码", "school_code", 14),
                    date("检查日期", "visit_date"),
                    text("检查方式", "inspection_type", 10),
                    text("检查人/督查组", "inspector", 24)));

    static final TableLayout SURVEYS = new TableLayout(
            Dataset.SURVEYS,
            "学校安防设施建设情况调查表",
            List.of(
                    text("学校标识码", "school_code", 14),
                    date("调查日期", "survey_date"),
                    text("封闭化管理", "closed_management", 12),
                    text("专职保安", "full_time_guards", 10),
                    text("一键报警", "one_key_alarm", 10),
                    text("视频监控与公安联网", "video_police_link", 18),
                    text("护学岗", "school_guard_post", 8),
                    text("硬质防冲撞设施", "anti_ram_barriers", 14)));

    static final TableLayout DRILLS = new TableLayout(
            Dataset.DRILLS,
            "学校应急演练记录",
            List.of(text("学校标识码", "school_code", 14), date("演练日期", "drill_date"), text("演练类型", "drill_type", 14)));

    private static Column text(String header, String key, int width) {
        return new Column(header, key, Kind.TEXT, width);
    }

    private static Column date(String header, String key) {
        return new Column(header, key, Kind.DATE, 14);
    }
}
