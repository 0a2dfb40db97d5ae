package cn.xiaoan.ingest;

import cn.xiaoan.domain.Dataset;
import cn.xiaoan.domain.Warehouse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The school register known to validation: the latest name per school code over all ingested {@code schools}
 * batches and the district that owns each school (the district of its first registration, by batch id, then of
 * each move), or none when no register has been ingested yet.
 */
final class Register {
    private final Map<String, String> nameByCode;
    private final Map<String, String> districtByCode;
    /** The submitter's district, or null when they may report for any school. */
    private final String submitterDistrict;

    private Register(Map<String, String> nameByCode, Map<String, String> districtByCode, String submitterDistrict) {
        this.nameByCode = nameByCode;
        this.districtByCode = districtByCode;
        this.submitterDistrict = submitterDistrict;
    }

    static Register none() {
        return new Register(null, Map.of(), null);
    }

    static Register of(Map<String, String> nameByCode, Map<String, String> districtByCode) {
        // HashMaps, not Map.copyOf: their lookups are measurably faster on the per-row path.
        return new Register(new HashMap<>(nameByCode), new HashMap<>(districtByCode), null);
    }

    /** This register for a submitter who may only report for schools of {@code district}. */
    Register submittedFrom(Optional<String> district) {
        return new Register(nameByCode, districtByCode, district.orElse(null));
    }

    /**
     * The register of the committed {@code schools} batches (call under the writer lock): names by report date, then
     * batch; owners by first registration (batch id, then row: ingest order, which no clerk chooses), then the moves
     * in log order.
     */
    static Register load(Warehouse warehouse, Batches batches, List<SchoolMove> moves) throws SQLException {
        // Standing registers only: a withdrawn one counts no more, a re-sent one with its own report date and id.
        List<BatchRows> registers = BatchRows.of(Dataset.SCHOOLS, batches.records());
        if (registers.isEmpty()) {
            return none();
        }
        var selects = new ArrayList<String>();
        for (BatchRows rows : registers) {
            String glob = warehouse
                    .rawBatch(Dataset.SCHOOLS, rows.rowsBatchId())
                    .resolve(BatchWriter.PART_FILES)
                    .toString();
            selects.add("SELECT school_code, name, district_code, DATE '" + rows.reportDate() + "' AS report_date, "
                    + rows.batchId() + " AS batch_id, source_row FROM read_parquet('" + BatchWriter.sqlString(glob)
                    + "', hive_partitioning = false)");
        }
        Map<String, String> names = new HashMap<>();
        Map<String, String> owners = new HashMap<>();
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT school_code,"
                        + " first(name ORDER BY report_date DESC, batch_id DESC, source_row DESC),"
                        + " first(district_code ORDER BY batch_id, source_row)"
                        + " FROM (" + String.join(" UNION ALL ", selects) + ")"
                        + " GROUP BY school_code")) {
            while (rows.next()) {
                names.put(rows.getString(1), rows.getString(2));
                owners.put(rows.getString(1), rows.getString(3));
            }
        }
        for (SchoolMove move : moves) {
            owners.replace(move.schoolCode(), move.toDistrict());
        }
        return of(names, owners);
    }

    /** The registered name of each school {@code district} owns (every school when empty), by code. */
    SortedMap<String, String> namesOwnedBy(Optional<String> district) {
        var names = new TreeMap<String, String>();
        if (nameByCode != null) {
            nameByCode.forEach((code, name) -> {
                if (district.isEmpty() || district.get().equals(districtByCode.get(code))) {
                    names.put(code, name);
                }
            });
        }
        return names;
    }

    /** The district that owns a registered school, or null when the code is not registered. */
    String owner(String schoolCode) {
        return districtByCode.get(schoolCode);
    }

    boolean exists() {
        return nameByCode != null;
    }

    int size() {
        return nameByCode == null ? 0 : nameByCode.size();
    }

    /** The registered name, or null when the code is not registered. */
    String name(String schoolCode) {
        return nameByCode == null ? null : nameByCode.get(schoolCode);
    }

    /**
     * The code of a registered school in {@code column}, or null after recording why not (blank, not 10 digits, not
     * registered, or no register at all).
     */
    String check(RowCheck row, int column) {
        if (nameByCode == null) {
            String value = row.text(column);
            row.problem(
                    RejectReason.NO_REGISTER,
                    column,
                    value == null ? "" : value,
                    "尚未导入学校名册：请先导入学校名册（schools），再导入本文件",
                    "no school register has been ingested yet: ingest the school register (schools) first, then this"
                            + " file");
            return null;
        }
        String code = row.schoolCode(column);
        if (code == null) {
            return null;
        }
        if (!nameByCode.containsKey(code)) {
            row.problem(
                    RejectReason.SCHOOL_NOT_REGISTERED,
                    column,
                    code,
                    row.header(column) + " \"" + code + "\" 不在学校名册中（请先导入包含该校的学校名册）",
                    row.key(column) + " \"" + code
                            + "\" is not in the school register (ingest a register that lists it first)");
            return null;
        }
        if (submitterDistrict != null && !submitterDistrict.equals(districtByCode.get(code))) {
            row.problem(
                    RejectReason.OTHER_DISTRICT,
                    column,
                    code,
                    row.header(column) + " \"" + code + "\" 不属于本辖区（" + submitterDistrict + "），只能报送本辖区学校的数据",
                    row.key(column) + " \"" + code + "\" is not a school of your district " + submitterDistrict
                            + "; you may only submit data for schools of your district");
            return null;
        }
        return code;
    }
}
