package cn.xiaoan.analytics.campaign;

import static java.util.Objects.requireNonNull;

import cn.xiaoan.analytics.figure.Dimension;
import cn.xiaoan.analytics.figure.Figure;
import cn.xiaoan.domain.Dataset;
import cn.xiaoan.domain.ReferenceData;
import cn.xiaoan.domain.SchoolType;
import cn.xiaoan.domain.TaxonomyKind;
import cn.xiaoan.domain.Term;
import java.io.Reader;
import java.io.StringReader;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads one campaign file (docs/CAMPAIGNS.md) into a {@link CampaignDefinition}. Works on the YAML node tree, which
 * keeps each value's line, so every problem names the file, line and field; problems are collected (one per field or
 * list item) and thrown together. Checks across fields (dates in the period, phases apart, schools in the area) are
 * {@link CampaignValidator}'s.
 */
public final class CampaignReader {
    private static final Set<String> TOP_LEVEL = Set.of(
            "id",
            "name",
            "bureau",
            "document",
            "area",
            "baseline",
            "period",
            "phases",
            "goals",
            "supervision_groups",
            "returns",
            "facility_checklist",
            "drill_rule");
    private static final Set<String> FACILITY_FIGURES = Arrays.stream(Figure.values())
            .map(Figure::code)
            .filter(code -> code.startsWith("six_100_rate_"))
            .collect(Collectors.toCollection(LinkedHashSet::new));

    private final ReferenceData reference;

    public CampaignReader(ReferenceData reference) {
        this.reference = requireNonNull(reference, "reference");
    }

    /** The campaign in {@code text}, read from {@code file} (the name used in messages). */
    public ReadCampaign read(String file, String text) {
        return read(file, new StringReader(text));
    }

    public ReadCampaign read(String file, Reader text) {
        Node root;
        try {
            root = new Yaml(new SafeConstructor(new LoaderOptions())).compose(text);
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() == null ? 0 : e.getProblemMark().getLine() + 1;
            throw new CampaignFileException(List.of(new CampaignError(
                    file, line, "(file)", "不是有效的 YAML：" + e.getProblem(), "not valid YAML: " + e.getProblem())));
        }
        var session = new Session(file);
        if (root == null) {
            session.errors.add(new CampaignError(file, 1, "(file)", "文件为空", "the file is empty"));
            throw new CampaignFileException(session.errors);
        }
        CampaignDefinition campaign = session.campaign(new Value("", root));
        if (!session.errors.isEmpty()) {
            session.errors.sort(Comparator.comparingInt(CampaignError::line));
            throw new CampaignFileException(session.errors);
        }
        return new ReadCampaign(file, campaign, Map.copyOf(session.lines));
    }

    /** A campaign and the line of each field path, for the validator's messages. */
    public record ReadCampaign(String file, CampaignDefinition campaign, Map<String, Integer> lines) {
        public int line(String field) {
            String path = field;
            while (true) {
                Integer line = lines.get(path);
                if (line != null) {
                    return line;
                }
                int cut = Math.max(path.lastIndexOf('.'), path.lastIndexOf('['));
                if (cut <= 0) {
                    return 1;
                }
                path = path.substring(0, cut);
            }
        }
    }

    /** A problem at one field, caught at the nearest list item or top-level field so reading goes on. */
    private static final class Problem extends RuntimeException {
        private final transient Value at;
        private final String zh;
        private final String en;

        Problem(Value at, String zh, String en) {
            super(en, null, false, false);
            this.at = at;
            this.zh = zh;
            this.en = en;
        }
    }

    /** A YAML node and its field path. */
    private record Value(String path, Node node) {
        int line() {
            return node.getStartMark().getLine() + 1;
        }

        Value child(String key, Node child) {
            return new Value(path.isEmpty() ? key : path + "." + key, child);
        }

        Value item(int index, Node child) {
            return new Value(path + "[" + index + "]", child);
        }
    }

    private final class Session {
        private final String file;
        private final List<CampaignError> errors = new ArrayList<>();
        private final Map<String, Integer> lines = new LinkedHashMap<>();

        Session(String file) {
            this.file = file;
        }

        CampaignDefinition campaign(Value root) {
            Map<String, Value> fields = fields(root, TOP_LEVEL, false);
            if (fields == null) {
                return null;
            }
            String id = attempt(() -> {
                String text = scalar(required(root, fields, "id"));
                if (!text.matches("[a-z0-9][a-z0-9-]*")) {
                    throw new Problem(
                            fields.get("id"),
                            "编号只能含小写字母、数字和连字符：" + text,
                            "an id has lower-case letters, digits and hyphens only: " + text);
                }
                return text;
            });
            LocalizedName name = attempt(() -> name(required(root, fields, "name")));
            LocalizedName bureau = attempt(() -> name(required(root, fields, "bureau")));
            Optional<String> document =
                    attempt(() -> optional(fields, "document").map(this::scalar));
            CampaignArea area = attempt(() -> area(required(root, fields, "area")));
            LocalDate baseline = attempt(() -> date(required(root, fields, "baseline")));
            DateRange period = attempt(() -> range(required(root, fields, "period")));
            List<Phase> phases = list(fields, "phases", this::phase);
            List<GoalDefinition> goals = list(fields, "goals", this::goal);
            List<SupervisionGroup> groups = list(fields, "supervision_groups", this::group);
            List<ReturnRule> returns = list(fields, "returns", item -> returnRule(item, period));
            List<Figure> facilities = list(fields, "facility_checklist", this::facility);
            Map<SchoolType, DrillFrequency> drills = attempt(() -> drillRule(optional(fields, "drill_rule")));
            if (!errors.isEmpty()) {
                return null;
            }
            return new CampaignDefinition(
                    id,
                    name,
                    bureau,
                    document,
                    area,
                    baseline,
                    period,
                    phases,
                    goals,
                    groups,
                    returns,
                    facilities,
                    drills);
        }

        private CampaignArea area(Value value) {
            Map<String, Value> fields = fields(value, Set.of("districts", "schools"), true);
            List<AreaDistrict> districts = list(fields, "districts", this::areaDistrict);
            List<String> schools = list(fields, "schools", this::scalar);
            if (fields.get("districts") == null && fields.get("schools") == null) {
                throw new Problem(value, "地区须列出 districts（县区）或 schools（学校）", "an area lists districts or schools");
            }
            return new CampaignArea(districts, schools);
        }

        /** A bare code of the reference districts, or {code, zh, en} for a district outside them. */
        private AreaDistrict areaDistrict(Value value) {
            if (value.node() instanceof ScalarNode) {
                String code = scalar(value);
                return reference
                        .districts()
                        .resolve(code)
                        .map(d -> new AreaDistrict(d.code(), new LocalizedName(d.nameZh(), d.nameEn())))
                        .orElseThrow(() -> new Problem(
                                value,
                                "参考数据中没有县区 " + code + "；参考数据外的县区请写 {code, zh, en}。可选：" + referenceDistricts(),
                                "no district " + code + " in the reference data; write {code, zh, en} for a district"
                                        + " outside it. Allowed: " + referenceDistricts()));
            }
            Map<String, Value> fields = fields(value, Set.of("code", "zh", "en"), true);
            String code = scalar(required(value, fields, "code"));
            if (!code.matches("\\d{6}")) {
                throw new Problem(
                        fields.get("code"),
                        "县区代码应为6位行政区划代码：" + code,
                        "a district code is a 6-digit division code: " + code);
            }
            return new AreaDistrict(
                    code,
                    new LocalizedName(scalar(required(value, fields, "zh")), scalar(required(value, fields, "en"))));
        }

        private String referenceDistricts() {
            return reference.districts().all().stream()
                    .map(d -> d.code() + " " + d.nameZh())
                    .collect(Collectors.joining(", "));
        }

        private Phase phase(Value value) {
            Map<String, Value> fields = fields(value, Set.of("name", "from", "to"), true);
            return new Phase(name(required(value, fields, "name")), rangeOf(value, fields));
        }

        private GoalDefinition goal(Value value) {
            Map<String, Value> fields =
                    fields(value, Set.of("id", "name", "definition", "judged_on", "measures", "conditions"), true);
            String id = scalar(required(value, fields, "id"));
            List<GoalMeasureDefinition> measures = list(fields, "measures", this::measure);
            if (measures.size() != size(fields.get("measures"))) {
                // a measure could not be read (already reported): its conditions would only repeat the problem
                return null;
            }
            Set<String> measureIds = new LinkedHashSet<>();
            for (int i = 0; i < measures.size(); i++) {
                if (!measureIds.add(measures.get(i).id())) {
                    throw new Problem(
                            fields.get("measures"),
                            "目标 " + id + " 的指标编号重复：" + measures.get(i).id(),
                            "goal " + id + " names measure " + measures.get(i).id() + " twice");
                }
            }
            List<GoalCondition> conditions = list(fields, "conditions", item -> condition(item, measureIds));
            if (size(required(value, fields, "conditions")) == 0) {
                throw new Problem(fields.get("conditions"), "目标至少需要一个条件", "a goal needs at least one condition");
            }
            return new GoalDefinition(
                    id,
                    name(required(value, fields, "name")),
                    scalar(required(value, fields, "definition")),
                    date(required(value, fields, "judged_on")),
                    measures,
                    conditions);
        }

        private GoalMeasureDefinition measure(Value value) {
            Map<String, Value> fields = fields(value, Set.of("id", "name", "figure", "filters", "period"), true);
            Value figureValue = required(value, fields, "figure");
            String figureCode = scalar(figureValue);
            Figure figure = Arrays.stream(Figure.values())
                    .filter(f -> f.code().equals(figureCode))
                    .findFirst()
                    .orElseThrow(() -> new Problem(
                            figureValue,
                            "未知指标 " + figureCode + "。可选：" + Figure.codes(),
                            "unknown figure " + figureCode + ". Allowed: " + Figure.codes()));
            Value periodValue = required(value, fields, "period");
            MeasurePeriod period = periodValue.node() instanceof ScalarNode
                    ? yearToDate(periodValue)
                    : MeasurePeriod.of(range(periodValue));
            return new GoalMeasureDefinition(
                    scalar(required(value, fields, "id")),
                    name(required(value, fields, "name")),
                    figure,
                    filters(optional(fields, "filters")),
                    period);
        }

        private MeasurePeriod yearToDate(Value value) {
            if (!scalar(value).equals("year_to_date")) {
                throw new Problem(
                        value,
                        "period 应为 {from, to} 或 year_to_date，而非 " + scalar(value),
                        "a period is {from, to} or year_to_date, not " + scalar(value));
            }
            return MeasurePeriod.yearToDate();
        }

        private Map<Dimension, Set<String>> filters(Optional<Value> value) {
            if (value.isEmpty()) {
                return Map.of();
            }
            String dimensions = Arrays.stream(Dimension.values())
                    .filter(Dimension::filterable)
                    .map(Dimension::code)
                    .collect(Collectors.joining(", "));
            Map<String, Value> fields = fields(value.get(), null, true);
            var filters = new EnumMap<Dimension, Set<String>>(Dimension.class);
            fields.forEach((key, codes) -> {
                Dimension dimension = Arrays.stream(Dimension.values())
                        .filter(d -> d.filterable() && d.code().equals(key))
                        .findFirst()
                        .orElseThrow(() -> new Problem(
                                codes,
                                "未知筛选维度 " + key + "。可选：" + dimensions,
                                "unknown filter " + key + ". Allowed: " + dimensions));
                List<String> allowed = allowedCodes(dimension);
                var chosen = new LinkedHashSet<String>();
                for (Value code : items(codes)) {
                    String text = scalar(code);
                    if (!allowed.isEmpty() && !allowed.contains(text)) {
                        throw new Problem(
                                code,
                                "维度 " + key + " 没有代码 " + text + "。可选：" + String.join(", ", allowed),
                                "unknown " + key + " code " + text + ". Allowed: " + String.join(", ", allowed));
                    }
                    chosen.add(text);
                }
                filters.put(dimension, chosen);
            });
            return filters;
        }

        /** The codes a filter on this dimension may name; districts are checked against the area later. */
        private List<String> allowedCodes(Dimension dimension) {
            return switch (dimension) {
                case CATEGORY -> codes(TaxonomyKind.CATEGORY);
                case SEVERITY -> codes(TaxonomyKind.SEVERITY);
                case SCHOOL_TYPE -> codes(TaxonomyKind.SCHOOL_TYPE);
                case INSPECTION_TYPE -> codes(TaxonomyKind.INSPECTION_TYPE);
                case BOARDING -> List.of("true", "false");
                default -> List.of();
            };
        }

        private List<String> codes(TaxonomyKind kind) {
            return reference.taxonomy().terms(kind).stream().map(Term::code).toList();
        }

        private GoalCondition condition(Value value, Set<String> measureIds) {
            Map<String, Value> fields =
                    fields(value, Set.of("measure", "comparison", "threshold", "against", "span", "zero_meets"), true);
            String measure = measureId(required(value, fields, "measure"), measureIds);
            Value comparisonValue = required(value, fields, "comparison");
            Comparison comparison = Comparison.fromSymbol(scalar(comparisonValue))
                    .orElseThrow(() -> new Problem(
                            comparisonValue,
                            "未知比较 " + scalar(comparisonValue) + "。可选：" + Comparison.symbols(),
                            "unknown comparison " + scalar(comparisonValue) + ". Allowed: " + Comparison.symbols()));
            Optional<Double> threshold = optional(fields, "threshold").map(this::number);
            Optional<String> against = optional(fields, "against").map(v -> measureId(v, measureIds));
            if (threshold.isPresent() == against.isPresent()) {
                throw new Problem(
                        value,
                        "条件须有 threshold（阈值）或 against（对比指标）之一",
                        "a condition has exactly one of threshold and against");
            }
            ComparisonSpan span = optional(fields, "span")
                    .map(v -> oneOf(v, ComparisonSpan.values(), ComparisonSpan::code))
                    .orElse(ComparisonSpan.WHOLE_PERIOD);
            boolean zeroMeets = optional(fields, "zero_meets").map(this::bool).orElse(false);
            return new GoalCondition(measure, comparison, threshold, against, span, zeroMeets);
        }

        private String measureId(Value value, Set<String> measureIds) {
            String id = scalar(value);
            if (!measureIds.contains(id)) {
                throw new Problem(
                        value,
                        "目标中没有指标 " + id + "。可选：" + String.join(", ", measureIds),
                        "the goal has no measure " + id + ". Allowed: " + String.join(", ", measureIds));
            }
            return id;
        }

        private SupervisionGroup group(Value value) {
            Map<String, Value> fields =
                    fields(value, Set.of("name", "leader", "members", "schools", "visits", "revisits"), true);
            return new SupervisionGroup(
                    name(required(value, fields, "name")),
                    scalar(required(value, fields, "leader")),
                    list(fields, "members", this::scalar),
                    list(fields, "schools", this::scalar),
                    list(fields, "visits", this::range),
                    list(fields, "revisits", this::range));
        }

        private ReturnRule returnRule(Value value, DateRange period) {
            Map<String, Value> fields = fields(
                    value,
                    Set.of("id", "name", "dataset", "cadence", "weekday", "before_day", "due", "from", "to", "nil"),
                    true);
            Optional<Dataset> dataset =
                    optional(fields, "dataset").map(v -> oneOf(v, Dataset.values(), Dataset::directory));
            Value cadenceValue = required(value, fields, "cadence");
            Cadence cadence =
                    switch (scalar(cadenceValue)) {
                        case "weekly" ->
                            new Cadence.Weekly(
                                    oneOf(required(value, fields, "weekday"), DayOfWeek.values(), d -> d.name()
                                            .toLowerCase(Locale.ROOT)));
                        case "monthly" -> {
                            Value day = required(value, fields, "before_day");
                            double number = number(day);
                            if (number != Math.rint(number) || number < 1 || number > 28) {
                                throw new Problem(
                                        day, "before_day 应为 1 到 28 的整数", "before_day is a whole number 1 to 28");
                            }
                            yield new Cadence.MonthlyBefore((int) number);
                        }
                        case "per_term" -> new Cadence.PerTerm();
                        case "once" -> new Cadence.Once(date(required(value, fields, "due")));
                        default ->
                            throw new Problem(
                                    cadenceValue,
                                    "未知报送周期 " + scalar(cadenceValue) + "。可选：weekly, monthly, per_term, once",
                                    "unknown cadence " + scalar(cadenceValue)
                                            + ". Allowed: weekly, monthly, per_term, once");
                    };
            LocalDate from = optional(fields, "from").map(this::date).orElse(period == null ? null : period.from());
            LocalDate to = optional(fields, "to").map(this::date).orElse(period == null ? null : period.to());
            if (from == null || to == null) {
                throw new Problem(value, "活动期间有误，无法确定报送期间", "the campaign period is invalid");
            }
            if (to.isBefore(from)) {
                throw new Problem(fields.get("to"), "结束日期早于开始日期", "to is before from");
            }
            return new ReturnRule(
                    scalar(required(value, fields, "id")),
                    name(required(value, fields, "name")),
                    dataset,
                    cadence,
                    new DateRange(from, to),
                    optional(fields, "nil").map(this::bool).orElse(false));
        }

        private Figure facility(Value value) {
            String code = scalar(value);
            if (!FACILITY_FIGURES.contains(code)) {
                throw new Problem(
                        value,
                        "设施清单只能列“百分百”指标，没有 " + code + "。可选：" + String.join(", ", FACILITY_FIGURES),
                        "a facility item is a 100% figure, not " + code + ". Allowed: "
                                + String.join(", ", FACILITY_FIGURES));
            }
            return Figure.fromCode(code);
        }

        private Map<SchoolType, DrillFrequency> drillRule(Optional<Value> value) {
            if (value.isEmpty()) {
                return Map.of();
            }
            var rule = new EnumMap<SchoolType, DrillFrequency>(SchoolType.class);
            fields(value.get(), null, true).forEach((key, frequency) -> {
                SchoolType type = Arrays.stream(SchoolType.values())
                        .filter(t -> t.code().equals(key))
                        .findFirst()
                        .orElseThrow(() -> new Problem(
                                frequency,
                                "未知学校类型 " + key + "。可选：" + String.join(", ", codes(TaxonomyKind.SCHOOL_TYPE)),
                                "unknown school type " + key + ". Allowed: "
                                        + String.join(", ", codes(TaxonomyKind.SCHOOL_TYPE))));
                rule.put(type, oneOf(frequency, DrillFrequency.values(), DrillFrequency::code));
            });
            return rule;
        }

        // --- scalars, names, dates and ranges

        private LocalizedName name(Value value) {
            Map<String, Value> fields = fields(value, Set.of("zh", "en"), true);
            return new LocalizedName(scalar(required(value, fields, "zh")), scalar(required(value, fields, "en")));
        }

        private DateRange range(Value value) {
            return rangeOf(value, fields(value, Set.of("from", "to"), true));
        }

        private DateRange rangeOf(Value value, Map<String, Value> fields) {
            LocalDate from = date(required(value, fields, "from"));
            LocalDate to = date(required(value, fields, "to"));
            if (to.isBefore(from)) {
                throw new Problem(
                        fields.get("to"),
                        "结束日期 " + to + " 早于开始日期 " + from,
                        "to (" + to + ") is before from (" + from + ")");
            }
            return new DateRange(from, to);
        }

        private LocalDate date(Value value) {
            String text = scalar(value);
            try {
                return LocalDate.parse(text);
            } catch (DateTimeParseException e) {
                throw new Problem(value, "日期应写作 YYYY-MM-DD：" + text, "a date is written YYYY-MM-DD: " + text);
            }
        }

        private double number(Value value) {
            String text = scalar(value);
            try {
                return Double.parseDouble(text);
            } catch (NumberFormatException e) {
                throw new Problem(value, "应为数字：" + text, "expected a number: " + text);
            }
        }

        private boolean bool(Value value) {
            return oneOf(value, new Boolean[] {true, false}, String::valueOf);
        }

        private <T> T oneOf(Value value, T[] options, Function<T, String> code) {
            String text = scalar(value);
            return Arrays.stream(options)
                    .filter(option -> code.apply(option).equals(text))
                    .findFirst()
                    .orElseThrow(() -> {
                        String allowed = Arrays.stream(options).map(code).collect(Collectors.joining(", "));
                        return new Problem(
                                value,
                                "无效取值 " + text + "。可选：" + allowed,
                                "invalid value " + text + ". Allowed: " + allowed);
                    });
        }

        private String scalar(Value value) {
            if (!(value.node() instanceof ScalarNode scalar)) {
                throw new Problem(value, "应为单个取值", "expected a single value");
            }
            String text = scalar.getValue().strip();
            if (text.isEmpty()) {
                throw new Problem(value, "取值为空", "the value is empty");
            }
            return text;
        }

        // --- structure

        /**
         * The fields of a mapping by key (in file order), recording each line; keys outside {@code allowed} (null:
         * any) are problems. Top-level problems are recorded and null returned, nested ones thrown.
         */
        private Map<String, Value> fields(Value value, Set<String> allowed, boolean nested) {
            if (!(value.node() instanceof MappingNode mapping)) {
                Problem problem = new Problem(value, "应为键值映射", "expected a mapping of fields");
                if (nested) {
                    throw problem;
                }
                record(problem);
                return null;
            }
            lines.putIfAbsent(value.path(), value.line());
            var fields = new LinkedHashMap<String, Value>();
            var seen = new HashSet<String>();
            for (NodeTuple tuple : mapping.getValue()) {
                Value key = new Value(value.path(), tuple.getKeyNode());
                String name = scalar(key);
                Value field = value.child(name, tuple.getValueNode());
                lines.put(field.path(), key.line());
                if (!seen.add(name)) {
                    throw new Problem(field, "字段重复：" + name, "field " + name + " appears twice");
                }
                if (allowed != null && !allowed.contains(name)) {
                    String options = allowed.stream().sorted().collect(Collectors.joining(", "));
                    Problem problem = new Problem(
                            field,
                            "未知字段 " + name + "。可选：" + options,
                            "unknown field " + name + ". Allowed: " + options);
                    if (nested) {
                        throw problem;
                    }
                    record(problem);
                    continue;
                }
                fields.put(name, field);
            }
            return fields;
        }

        private Value required(Value parent, Map<String, Value> fields, String key) {
            Value value = fields.get(key);
            if (value == null) {
                String path = parent.path().isEmpty() ? key : parent.path() + "." + key;
                throw new Problem(new Value(path, parent.node()), "缺少字段 " + key, "missing field " + key);
            }
            return value;
        }

        private Optional<Value> optional(Map<String, Value> fields, String key) {
            return Optional.ofNullable(fields.get(key));
        }

        private List<Value> items(Value value) {
            if (!(value.node() instanceof SequenceNode sequence)) {
                throw new Problem(value, "应为列表", "expected a list");
            }
            var items = new ArrayList<Value>();
            for (int i = 0; i < sequence.getValue().size(); i++) {
                Value item = value.item(i, sequence.getValue().get(i));
                lines.put(item.path(), item.line());
                items.add(item);
            }
            return items;
        }

        /** The number of items of a list (0 when absent or not a list, which reading it reports). */
        private int size(Value value) {
            return value != null && value.node() instanceof SequenceNode sequence
                    ? sequence.getValue().size()
                    : 0;
        }

        /** Each item of an optional list, read on its own so one bad item does not hide the next. */
        private <T> List<T> list(Map<String, Value> fields, String key, Function<Value, T> readItem) {
            Value value = fields == null ? null : fields.get(key);
            if (value == null) {
                return List.of();
            }
            List<Value> items;
            try {
                items = items(value);
            } catch (Problem problem) {
                record(problem);
                return List.of();
            }
            var result = new ArrayList<T>();
            for (Value item : items) {
                T read = attempt(() -> readItem.apply(item));
                if (read != null) {
                    result.add(read);
                }
            }
            return result;
        }

        private <T> T attempt(Supplier<T> read) {
            try {
                return read.get();
            } catch (Problem problem) {
                record(problem);
                return null;
            }
        }

        private void record(Problem problem) {
            errors.add(new CampaignError(file, problem.at.line(), problem.at.path(), problem.zh, problem.en));
        }
    }
}
