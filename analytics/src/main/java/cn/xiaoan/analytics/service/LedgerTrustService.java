package cn.xiaoan.analytics.service;

import static java.util.Objects.requireNonNull;

import cn.xiaoan.analytics.figure.Dimension;
import cn.xiaoan.analytics.figure.DistrictScope;
import cn.xiaoan.analytics.figure.SqlTemplate;
import cn.xiaoan.analytics.figure.TrustRule;
import cn.xiaoan.analytics.figure.TrustThresholds;
import cn.xiaoan.analytics.service.TrustAudit.Finding;
import cn.xiaoan.analytics.service.TrustAudit.Level;
import cn.xiaoan.analytics.service.TrustAudit.RuleCount;
import cn.xiaoan.analytics.service.TrustAudit.SchoolEvidence;
import cn.xiaoan.analytics.service.TrustAudit.Score;
import cn.xiaoan.analytics.serving.ModelSnapshot;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The ledger trust audit (docs/FIGURES.md "Ledger trust") over the published model: every rule of {@link TrustRule} is
 * one query over {@code hazard_history} and {@code current_hazards}, and their union is the model table
 * {@code trust_findings} (built with the model), which the scores, counts and evidence queries read. Nothing is
 * counted here: the rows come out of SQL as they are shown.
 */
public final class LedgerTrustService {
    private static final SqlTemplate SCORES = SqlTemplate.load("trust/scores.sql");
    private static final SqlTemplate RULE_COUNTS = SqlTemplate.load("trust/rule_counts.sql");
    private static final SqlTemplate EVIDENCE = SqlTemplate.load("trust/evidence.sql");
    private static final SqlTemplate SCHOOL = SqlTemplate.load("drill/school.sql");

    /** Audits kept per model version and scope (a version's data never change); the oldest go first. */
    private static final int CACHED_AUDITS = 32;

    private final FigureService figures;
    private final Map<AuditKey, TrustAudit> audits = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<AuditKey, TrustAudit> eldest) {
            return size() > CACHED_AUDITS;
        }
    };

    private record AuditKey(long version, String scope) {}

    public LedgerTrustService(FigureService figures) {
        this.figures = requireNonNull(figures, "figures");
    }

    /** The thresholds the model's {@code trust_findings} were built with. */
    public TrustThresholds thresholds() {
        return TrustThresholds.DEFAULTS;
    }

    /** The audit of the districts in scope from the published model. */
    public TrustAudit audit(DistrictScope scope) {
        return audit(figures.snapshot(), scope);
    }

    /** The audit of the districts in scope from the given snapshot (one model version for every number). */
    public TrustAudit audit(ModelSnapshot snapshot, DistrictScope scope) {
        requireNonNull(snapshot, "snapshot");
        snapshot.memberCodes(Dimension.DISTRICT, scope.districts()); // an unknown district is a clear error, not 0 rows
        var key = new AuditKey(snapshot.version().version(), scope.parameter());
        synchronized (audits) {
            TrustAudit cached = audits.get(key);
            if (cached != null) {
                return cached;
            }
        }
        // computed outside the lock: a slow audit blocks no other request
        TrustAudit audit = compute(snapshot, scope);
        synchronized (audits) {
            audits.put(key, audit);
        }
        return audit;
    }

    private TrustAudit compute(ModelSnapshot snapshot, DistrictScope scope) {
        Map<String, Object> parameters = parameters(scope, null);
        Map<String, List<RuleCount>> counts = ruleCounts(snapshot, parameters);
        List<Score> scores = figures.select(snapshot.model(), SCORES, parameters, row -> score(row, counts));
        Score total = scores.stream()
                .filter(score -> score.level() == Level.ALL)
                .findFirst()
                .orElseGet(() -> emptyScore(Level.ALL, null, null, null, null, null));
        return new TrustAudit(
                thresholds(),
                total,
                scores.stream().filter(score -> score.level() == Level.DISTRICT).toList(),
                scores.stream().filter(score -> score.level() == Level.SCHOOL).toList(),
                snapshot.version());
    }

    /** One school's score and evidence rows; unknown or out of scope → {@link UnknownSchoolException}. */
    public SchoolEvidence school(String schoolCode, DistrictScope scope) {
        return school(figures.snapshot(), schoolCode, scope);
    }

    public SchoolEvidence school(ModelSnapshot snapshot, String schoolCode, DistrictScope scope) {
        requireNonNull(snapshot, "snapshot");
        String code = requireNonNull(schoolCode, "schoolCode").strip();
        Map<String, Object> parameters = parameters(scope, code);
        Score registered = figures
                .select(
                        snapshot.model(),
                        SCHOOL,
                        parameters,
                        row -> emptyScore(
                                Level.SCHOOL,
                                row.getString("district_code"),
                                row.getString("district_name_zh"),
                                row.getString("district_name_en"),
                                row.getString("school_code"),
                                row.getString("name")))
                .stream()
                .findFirst()
                .orElseThrow(() -> new UnknownSchoolException(code));
        DistrictScope own =
                registered.districtCode() == null ? scope : DistrictScope.of(Set.of(registered.districtCode()));
        Score school = audit(snapshot, own).schools().stream()
                .filter(score -> score.schoolCode().equals(code))
                .findFirst()
                .orElse(registered);
        List<Finding> evidence = figures.select(snapshot.model(), EVIDENCE, parameters, LedgerTrustService::finding);
        return new SchoolEvidence(school, evidence, thresholds(), snapshot.version());
    }

    private Map<String, Object> parameters(DistrictScope scope, String schoolCode) {
        requireNonNull(scope, "scope");
        var parameters = new HashMap<String, Object>();
        parameters.put("scope_district", scope.parameter());
        if (schoolCode != null) {
            parameters.put("school_code", schoolCode);
        }
        return Map.copyOf(parameters);
    }

    /** The rule counts keyed by unit ({@link #unit}), every rule present in rule order. */
    private Map<String, List<RuleCount>> ruleCounts(ModelSnapshot snapshot, Map<String, Object> parameters) {
        record Row(String unit, String rule, int findings, int hazards) {}
        List<Row> rows = figures.select(
                snapshot.model(),
                RULE_COUNTS,
                parameters,
                row -> new Row(
                        unit(
                                Level.valueOf(row.getString("level")),
                                row.getString("district_code"),
                                row.getString("school_code")),
                        row.getString("rule_code"),
                        row.getInt("findings"),
                        row.getInt("hazards")));
        Map<String, List<Row>> byUnit = rows.stream().collect(Collectors.groupingBy(Row::unit));
        var counts = new HashMap<String, List<RuleCount>>();
        byUnit.forEach((unit, unitRows) -> {
            var perRule = new ArrayList<RuleCount>();
            for (TrustRule rule : TrustRule.values()) {
                Row found = unitRows.stream()
                        .filter(row -> row.rule().equals(rule.code()))
                        .findFirst()
                        .orElse(null);
                perRule.add(new RuleCount(
                        rule.code(),
                        rule.nameZh(),
                        rule.nameEn(),
                        found == null ? 0 : found.findings(),
                        found == null ? 0 : found.hazards()));
            }
            counts.put(unit, List.copyOf(perRule));
        });
        return counts;
    }

    private static String unit(Level level, String district, String school) {
        return level + "/" + Objects.toString(district, "") + "/" + Objects.toString(school, "");
    }

    private static Score score(ResultSet row, Map<String, List<RuleCount>> counts) throws SQLException {
        Level level = Level.valueOf(row.getString("level"));
        String district = row.getString("district_code");
        String school = row.getString("school_code");
        double score = row.getDouble("score");
        return new Score(
                level,
                district,
                row.getString("district_name_zh"),
                row.getString("district_name_en"),
                school,
                row.getString("school_name"),
                row.getInt("hazards"),
                row.getInt("flagged_hazards"),
                row.getInt("findings"),
                row.wasNull() ? null : score,
                counts.getOrDefault(unit(level, district, school), noFindings()));
    }

    private static Score emptyScore(
            Level level, String district, String districtZh, String districtEn, String school, String schoolName) {
        return new Score(level, district, districtZh, districtEn, school, schoolName, 0, 0, 0, null, noFindings());
    }

    private static List<RuleCount> noFindings() {
        return Arrays.stream(TrustRule.values())
                .map(rule -> new RuleCount(rule.code(), rule.nameZh(), rule.nameEn(), 0, 0))
                .toList();
    }

    private static Finding finding(ResultSet row) throws SQLException {
        TrustRule rule = TrustRule.ofCode(row.getString("rule_code")).orElseThrow();
        long earlier = row.getLong("earlier_batch_id");
        Long earlierBatch = row.wasNull() ? null : earlier;
        int amount = row.getInt("amount");
        Integer amountValue = row.wasNull() ? null : amount;
        int amountOf = row.getInt("amount_of");
        Integer amountOfValue = row.wasNull() ? null : amountOf;
        return new Finding(
                rule.code(),
                rule.nameZh(),
                rule.nameEn(),
                row.getString("hazard_id"),
                row.getString("description"),
                row.getString("category"),
                row.getString("category_name_zh"),
                row.getString("category_name_en"),
                row.getString("severity"),
                earlierBatch,
                HazardListService.date(row, "earlier_report_date"),
                row.getLong("batch_id"),
                HazardListService.date(row, "report_date"),
                row.getString("value_before"),
                row.getString("value_after"),
                amountValue,
                amountOfValue);
    }
}
