package cn.xiaoan.analytics.publish;

import cn.xiaoan.analytics.figure.SqlTemplate;
import cn.xiaoan.analytics.figure.TrustRule;
import cn.xiaoan.analytics.figure.TrustThresholds;
import cn.xiaoan.domain.TaxonomyKind;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The tables of a model version, in build order (a table may read those before it), each defined by one SQL resource
 * under {@code sql/model/} over the raw datasets ({@code raw_<dataset>}) and the reference data ({@code ref_*});
 * {@code trust_findings} is the union of the trust rules of {@code sql/trust/}.
 */
public enum ModelTable {
    DIM_DISTRICT("dim_district", "model/dim_district.sql", Map.of()),
    DIM_CATEGORY("dim_category", TaxonomyKind.CATEGORY),
    DIM_SCHOOL_TYPE("dim_school_type", TaxonomyKind.SCHOOL_TYPE),
    DIM_INSPECTION_TYPE("dim_inspection_type", TaxonomyKind.INSPECTION_TYPE),
    DIM_SEVERITY("dim_severity", TaxonomyKind.SEVERITY),
    DIM_STATUS("dim_status", TaxonomyKind.STATUS),
    DIM_BOARDING("dim_boarding", "model/dim_boarding.sql", Map.of()),
    DIM_MONTH("dim_month", "model/dim_month.sql", Map.of()),
    SCHOOL_DISTRICT_PERIODS("school_district_periods", "model/school_district_periods.sql", Map.of()),
    DIM_SCHOOL("dim_school", "model/dim_school.sql", Map.of()),
    CURRENT_HAZARDS("current_hazards", "model/current_hazards.sql", Map.of()),
    HAZARD_HISTORY("hazard_history", "model/hazard_history.sql", Map.of()),
    TRUST_FINDINGS("trust_findings", TrustRule::findingsQuery, TrustThresholds.DEFAULTS.parameters()),
    HAZARD_FACTS("hazard_facts", "model/hazard_facts.sql", Map.of()),
    HAZARD_CUBE("hazard_cube", "model/hazard_cube.sql", Map.of()),
    HAZARD_CUBE_DISTRICT_CATEGORY("hazard_cube_district_category", "model/hazard_cube_district_category.sql", Map.of()),
    HAZARD_CUBE_DISTRICT("hazard_cube_district", "model/hazard_cube_district.sql", Map.of()),
    HAZARD_ASOF_CUBE("hazard_asof_cube", "model/hazard_asof_cube.sql", Map.of()),
    SCHOOL_ASOF_CUBE("school_asof_cube", "model/school_asof_cube.sql", Map.of()),
    INSPECTIONS("inspections", "model/inspections.sql", Map.of()),
    SURVEYS("surveys", "model/surveys.sql", Map.of()),
    DRILLS("drills", "model/drills.sql", Map.of()),
    SUPERVISION_EVENTS("supervision_events", "model/supervision_events.sql", Map.of()),
    LEDGER_SUBMISSIONS("ledger_submissions", "model/ledger_submissions.sql", Map.of()),
    RETURN_SUBMISSIONS("return_submissions", "model/return_submissions.sql", Map.of());

    /**
     * The tables the serving database loads into memory (compressed): those sized by cells, schools or days, bounded
     * whatever the number of hazards, and hazard_facts, which every question off the cubes scans whole (≈ 9 bytes a
     * hazard compressed: 91 MB at 10M). The tables with the hazards' text (current_hazards, hazard_history, the trust
     * findings), the month cube (read by month-aligned questions alone; 41 MB of Parquet at 10M) and the inspection log
     * stay Parquet views. An in-memory table skips its row groups by their statistics without reading Parquet pages.
     */
    private static final Set<ModelTable> RESIDENT =
            EnumSet.complementOf(EnumSet.of(CURRENT_HAZARDS, HAZARD_HISTORY, TRUST_FINDINGS, HAZARD_CUBE, INSPECTIONS));

    private final String tableName;
    private final Supplier<SqlTemplate> query;
    private final Map<String, ?> parameters;

    ModelTable(String tableName, String sqlResource, Map<String, ?> parameters) {
        this(tableName, () -> SqlTemplate.load(sqlResource), parameters);
    }

    ModelTable(String tableName, Supplier<SqlTemplate> query, Map<String, ?> parameters) {
        this.tableName = tableName;
        this.query = query;
        this.parameters = parameters;
    }

    ModelTable(String tableName, TaxonomyKind kind) {
        this(tableName, "model/taxonomy_dimension.sql", Map.of("kind", kind.fileKind()));
    }

    /** The table's name in the model, also its Parquet file name ({@code <name>.parquet}). */
    public String tableName() {
        return tableName;
    }

    /** Whether the serving database holds this table in memory (else it reads the Parquet through a view). */
    public boolean resident() {
        return RESIDENT.contains(this);
    }

    /**
     * The order a resident table is loaded in: the as-of cubes by date, so that the rows of one date sit in one or two
     * row groups and a question at a date skips the others (a Spark build writes its parts in no particular order);
     * the facts by found date, which compresses them best and lets a period's bounds skip row groups.
     */
    public Optional<String> residentOrder() {
        return switch (this) {
            case HAZARD_ASOF_CUBE, SCHOOL_ASOF_CUBE -> Optional.of("valid_from");
            case HAZARD_FACTS -> Optional.of("found_date");
            default -> Optional.empty();
        };
    }

    public SqlTemplate.PositionalSql query() {
        return query.get().positional();
    }

    /** The values of the query's parameters (the taxonomy dimensions' kind, the trust rules' thresholds). */
    public Map<String, ?> parameters() {
        return parameters;
    }
}
