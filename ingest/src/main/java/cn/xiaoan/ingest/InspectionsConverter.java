package cn.xiaoan.ingest;

import static cn.xiaoan.ingest.ColumnSpec.optional;
import static cn.xiaoan.ingest.ColumnSpec.required;

import cn.xiaoan.domain.InspectionType;
import cn.xiaoan.domain.ReferenceData;
import java.util.List;

/** The inspection log (检查记录): one row per visit, so a visit that found nothing still counts. */
final class InspectionsConverter extends Converter {
    static final int SCHOOL_CODE = 0;
    static final int VISIT_DATE = 1;
    static final int INSPECTION_TYPE = 2;
    static final int INSPECTOR = 3;

    static final Schema SCHEMA = new Schema(List.of(
            required("school_code", "学校标识码", "学校代码", "学校编码", "学校识别码", "标识码", "school_id"),
            required("visit_date", "检查日期", "督查日期", "检查时间", "走访日期", "日期", "date", "inspection_date"),
            required("inspection_type", "检查方式", "检查类型", "检查形式", "type"),
            optional("inspector", "检查人/督查组", "检查人", "督查组", "检查人员", "检查组")));

    private static final String DDL =
            "school_code VARCHAR, visit_date DATE, inspection_type VARCHAR, inspector VARCHAR";

    private final Register register;
    private final Resolver<InspectionType> inspectionTypes;
    private String schoolCode;
    private int visitDate;
    private InspectionType inspectionType;
    private String inspector;

    InspectionsConverter(ReferenceData reference, Register register) {
        this.register = register;
        this.inspectionTypes = new Resolver<>(InspectionType.class, reference.taxonomy());
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
        visitDate = row.date(VISIT_DATE, true);
        inspectionType = row.code(INSPECTION_TYPE, inspectionTypes, true, "检查方式");
        inspector = row.text(INSPECTOR);
        return row.ok();
    }

    @Override
    void append(RowWriter out) {
        out.text(schoolCode);
        out.date(visitDate);
        out.text(inspectionType.code());
        out.text(inspector);
    }
}
