package cn.xiaoan.generate;

import static java.util.Objects.requireNonNull;

import cn.xiaoan.domain.Category;
import cn.xiaoan.domain.Coded;
import cn.xiaoan.domain.Dataset;
import cn.xiaoan.domain.District;
import cn.xiaoan.domain.HazardStatus;
import cn.xiaoan.domain.InspectionType;
import cn.xiaoan.domain.ReferenceData;
import cn.xiaoan.domain.School;
import cn.xiaoan.domain.SchoolRegister;
import cn.xiaoan.domain.SchoolType;
import cn.xiaoan.domain.Severity;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Deterministic warehouse input for one campaign, in its own area and period (same plan, seed and as-of day, same
 * bytes): the register of its schools; hazards found by self-inspection and by its supervision groups within their
 * visit windows and revisit rounds (some schools never visited); drills per its drill rule; facility surveys; and,
 * for each return it asks of a dataset, one CSV per school and period, filed on time, late or not at all, and a nil
 * return (零报告: 填报单位 and headers, no rows) when the school had nothing to report. A closing file per dataset the
 * day after the period (or on the as-of day) carries whatever no return carried, so the model knows every hazard's
 * last status. {@code generated.json} lists the files in ingest order with their report dates.
 */
public final class CampaignGenerator {
    /** Schools made up for a district of the area the shipped register does not cover. */
    static final int SYNTHETIC_SCHOOLS_PER_DISTRICT = 24;

    private static final double ON_TIME = 0.78;
    private static final double LATE = 0.10;
    private static final double NEVER_VISITED = 0.12;
    private static final double REVISITED = 0.65;
    private static final double MAJOR = 0.08;
    private static final String[] NUMERALS = {"一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二"};
    private static final Category[] CATEGORIES = Category.values();

    private final ReferenceData reference;

    public CampaignGenerator(ReferenceData reference) {
        this.reference = requireNonNull(reference, "reference");
    }

    /** What a run wrote. */
    public record Result(Path manifest, List<GeneratedFile> files, int schools, int hazards) {
        public Result {
            files = List.copyOf(files);
        }
    }

    /** One file to ingest: its dataset, path relative to the output directory, report date and row count. */
    public record GeneratedFile(Dataset dataset, String file, LocalDate reportDate, int rows) {}

    private record Visit(int school, LocalDate day, InspectionType type, String inspector) {}

    private record Drill(int school, LocalDate day, String type) {}

    private record Survey(int school, LocalDate day, boolean[] items) {}

    private static final class Hazard {
        int school;
        int sequence;
        LocalDate found;
        InspectionType type;
        String inspector;
        Category category;
        boolean major;
        LocalDate deadline;
        LocalDate rectified;
        LocalDate closed;
        HazardTexts.Item item;
        String location;
        String responsible;

        HazardStatus statusAt(LocalDate day) {
            if (closed != null && !closed.isAfter(day)) {
                return HazardStatus.CLOSED;
            } else if (rectified != null && !rectified.isAfter(day)) {
                return HazardStatus.RECTIFIED;
            } else if (ChronoUnit.DAYS.between(found, day) >= 3) {
                return HazardStatus.IN_PROGRESS;
            }
            return HazardStatus.OPEN;
        }
    }

    /**
     * Writes the campaign's input set to {@code out} as it stands on {@code asOf} (nothing dated after it).
     *
     * @throws IllegalArgumentException when a district of the area is not in the installation's reference districts
     */
    public Result generate(CampaignPlan plan, LocalDate asOf, long seed, Path out) throws IOException {
        requireNonNull(plan, "plan");
        requireNonNull(asOf, "asOf");
        LocalDate end = plan.period().to().isBefore(asOf) ? plan.period().to() : asOf;
        if (end.isBefore(plan.period().from())) {
            throw new IllegalArgumentException("Cannot generate campaign " + plan.id() + ": it starts ("
                    + plan.period().from() + ") after the as-of day " + asOf + " / 活动尚未开始");
        }
        Files.createDirectories(out);
        var random = new Random(seed * 31 + plan.id().hashCode());
        List<School> schools = schools(plan);
        Map<String, Integer> index = new LinkedHashMap<>();
        for (int s = 0; s < schools.size(); s++) {
            index.put(schools.get(s).code(), s);
            index.putIfAbsent(schools.get(s).name(), s);
        }
        String[][] staff = new String[schools.size()][];
        for (int s = 0; s < staff.length; s++) {
            staff[s] = new String[] {name(random), name(random), name(random)};
        }

        List<Visit> visits = visits(plan, schools, index, staff, end, random);
        List<Hazard> hazards = hazards(visits, staff, end, random);
        List<Drill> drills = drills(plan, schools, end, random);
        List<Survey> surveys =
                plan.facilitySurveys() ? surveys(schools, plan.period().from(), end, random) : List.of();

        var files = new ArrayList<GeneratedFile>();
        files.add(write(
                out, "schools.csv", TableLayout.SCHOOLS, null, plan.period().from(), schoolRows(schools)));
        var submitted = new HashSet<String>(); // dataset + school + row key already in some return
        for (CampaignPlan.Return rule : plan.returns()) {
            for (int p = 0; p < rule.periods().size(); p++) {
                CampaignPlan.Due due = rule.periods().get(p);
                for (int s = 0; s < schools.size(); s++) {
                    double u = random.nextDouble();
                    LocalDate day;
                    if (u < ON_TIME) {
                        long window = Math.min(3, ChronoUnit.DAYS.between(due.opens(), due.due()));
                        day = due.due().minusDays(window == 0 ? 0 : random.nextInt((int) window + 1));
                    } else if (u < ON_TIME + LATE && due.lateUntil().isAfter(due.due())) {
                        long window = Math.min(3, ChronoUnit.DAYS.between(due.due(), due.lateUntil()));
                        day = due.due().plusDays(1 + random.nextInt((int) window));
                    } else {
                        continue; // missing
                    }
                    if (day.isAfter(end)) {
                        continue;
                    }
                    int school = s;
                    LocalDate opens = due.opens();
                    List<String[]> rows =
                            switch (rule.dataset()) {
                                case LEDGER ->
                                    ledgerRows(
                                            schools,
                                            staff,
                                            hazards,
                                            day,
                                            h -> h.school == school && !h.found.isAfter(day));
                                case INSPECTIONS ->
                                    visitRows(schools, visits, v -> v.school == school && inside(v.day, opens, day));
                                case DRILLS ->
                                    drillRows(schools, drills, d -> d.school == school && inside(d.day, opens, day));
                                case SURVEYS ->
                                    surveyRows(schools, surveys, v -> v.school == school && inside(v.day, opens, day));
                                case SCHOOLS -> schoolRows(List.of(schools.get(school)));
                            };
                    rows.forEach(row -> submitted.add(rule.dataset() + "|" + String.join("|", row)));
                    String file = rule.dataset().directory() + "/" + rule.id() + "-" + (p + 1) + "-"
                            + schools.get(s).code() + ".csv";
                    files.add(write(out, file, layout(rule.dataset()), schools.get(s), day, rows));
                }
            }
        }
        // The closing files: what no return carried (and every hazard's status at the end).
        LocalDate closing =
                plan.period().to().isBefore(asOf) ? plan.period().to().plusDays(1) : asOf;
        files.add(write(
                out,
                "ledger/closing.csv",
                TableLayout.LEDGER,
                null,
                closing,
                ledgerRows(schools, staff, hazards, end, h -> true)));
        files.add(write(
                out,
                "inspections/closing.csv",
                TableLayout.INSPECTIONS,
                null,
                closing,
                unsent(Dataset.INSPECTIONS, visitRows(schools, visits, v -> true), submitted)));
        files.add(write(
                out,
                "drills/closing.csv",
                TableLayout.DRILLS,
                null,
                closing,
                unsent(Dataset.DRILLS, drillRows(schools, drills, d -> true), submitted)));
        if (!surveys.isEmpty()) {
            files.add(write(
                    out,
                    "surveys/closing.csv",
                    TableLayout.SURVEYS,
                    null,
                    closing,
                    unsent(Dataset.SURVEYS, surveyRows(schools, surveys, v -> true), submitted)));
        }
        files.sort(Comparator.comparing((GeneratedFile f) -> f.dataset() != Dataset.SCHOOLS)
                .thenComparing(GeneratedFile::reportDate)
                .thenComparing(GeneratedFile::file));
        Path manifest = writeManifest(out, plan, asOf, seed, files);
        return new Result(manifest, files, schools.size(), hazards.size());
    }

    private static boolean inside(LocalDate day, LocalDate from, LocalDate to) {
        return !day.isBefore(from) && !day.isAfter(to);
    }

    private static List<String[]> unsent(Dataset dataset, List<String[]> rows, Set<String> submitted) {
        return rows.stream()
                .filter(row -> !submitted.contains(dataset + "|" + String.join("|", row)))
                .toList();
    }

    /**
     * The area's schools: those named (found in the register by name or code, else made up in the first district)
     * and every school of its districts in the register; a district the register does not cover gets made-up schools
     * unless the area names its schools (then the district is only their home). Sorted by code.
     */
    List<School> schools(CampaignPlan plan) {
        for (String code : plan.districts()) {
            if (reference.districts().byCode(code).isEmpty()) {
                throw new IllegalArgumentException("Cannot generate campaign " + plan.id() + ": district " + code
                        + " is not in this installation's reference districts (data/reference/districts.csv)"
                        + " / 区划代码 " + code + " 不在本系统的县区名单中");
            }
        }
        SchoolRegister register = SchoolRegister.loadDemo(reference);
        var chosen = new LinkedHashMap<String, School>();
        var madeUp = new ArrayList<String>();
        for (String named : plan.schools()) {
            register.schools().stream()
                    .filter(school ->
                            school.code().equals(named) || school.name().equals(named))
                    .findFirst()
                    .ifPresentOrElse(school -> chosen.put(school.code(), school), () -> madeUp.add(named));
        }
        if (!madeUp.isEmpty() && plan.districts().isEmpty()) {
            throw new IllegalArgumentException("Cannot generate campaign " + plan.id() + ": schools " + madeUp
                    + " are not in the register and the area names no district to put them in"
                    + " / 学校不在名册中，且活动范围未指定县区");
        }
        var sequence = new LinkedHashMap<String, Integer>();
        for (String named : madeUp) {
            String district = plan.districts().get(0);
            School school = madeUpSchool(district, named, typeOf(named), register, sequence);
            chosen.put(school.code(), school);
        }
        for (String code : plan.districts()) {
            List<School> inDistrict = register.inDistrict(code);
            if (!inDistrict.isEmpty()) {
                inDistrict.forEach(school -> chosen.putIfAbsent(school.code(), school));
                continue;
            }
            if (!plan.schools().isEmpty()) {
                continue; // the district is the named schools' home, not a register of its own
            }
            District district = reference.districts().byCode(code).orElseThrow();
            for (int k = 0; k < SYNTHETIC_SCHOOLS_PER_DISTRICT; k++) {
                SchoolType type = k < 6
                        ? SchoolType.KINDERGARTEN
                        : k < 16 ? SchoolType.PRIMARY : k < 22 ? SchoolType.JUNIOR : SchoolType.SENIOR;
                int number = k < 6 ? k : k < 16 ? k - 6 : k < 22 ? k - 16 : k - 22;
                String suffix =
                        switch (type) {
                            case KINDERGARTEN -> "幼儿园";
                            case PRIMARY -> "小学";
                            case JUNIOR -> "中学";
                            default -> "高级中学";
                        };
                String name = district.nameZh() + "第" + NUMERALS[number] + suffix;
                School school = madeUpSchool(code, name, type, register, sequence);
                chosen.putIfAbsent(school.code(), school);
            }
        }
        var schools = new ArrayList<>(chosen.values());
        schools.sort(Comparator.comparing(School::code));
        return schools;
    }

    private static School madeUpSchool(
            String district, String name, SchoolType type, SchoolRegister register, Map<String, Integer> sequence) {
        int next = sequence.merge(district, 1, Integer::sum)
                + register.inDistrict(district).size();
        String code = "1" + district.substring(2) + String.format("%05d", next);
        int students =
                switch (type) {
                    case KINDERGARTEN -> 180;
                    case PRIMARY -> 620;
                    case JUNIOR -> 840;
                    default -> 1200;
                };
        return new School(code, name, district, type, false, students + (name.length() * 37) % 200);
    }

    private static SchoolType typeOf(String name) {
        if (name.contains("幼儿园")) {
            return SchoolType.KINDERGARTEN;
        } else if (name.contains("职业")) {
            return SchoolType.VOCATIONAL;
        } else if (name.contains("中学")) {
            return SchoolType.JUNIOR;
        }
        return SchoolType.PRIMARY;
    }

    /** Supervision visits within the groups' windows (some schools never), revisits, monthly self-inspections. */
    private static List<Visit> visits(
            CampaignPlan plan,
            List<School> schools,
            Map<String, Integer> index,
            String[][] staff,
            LocalDate end,
            Random random) {
        var visits = new ArrayList<Visit>();
        var grouped = new HashSet<Integer>();
        for (CampaignPlan.Group group : plan.groups()) {
            for (String named : group.schools()) {
                Integer s = index.get(named);
                if (s == null) {
                    continue;
                }
                grouped.add(s);
                if (random.nextDouble() < NEVER_VISITED) {
                    continue;
                }
                boolean visited = false;
                for (CampaignPlan.Window window : group.visits()) {
                    LocalDate day = workingDay(window.from(), window.to(), random);
                    if (!day.isAfter(end)) {
                        visits.add(new Visit(s, day, InspectionType.SUPERVISION, group.name()));
                        visited = true;
                    }
                }
                for (CampaignPlan.Window round : group.revisits()) {
                    LocalDate day = workingDay(round.from(), round.to(), random);
                    if (visited && random.nextDouble() < REVISITED && !day.isAfter(end)) {
                        visits.add(new Visit(s, day, InspectionType.SUPERVISION, group.name()));
                    }
                }
            }
        }
        LocalDate from = plan.period().from();
        for (int s = 0; s < schools.size(); s++) {
            if (plan.groups().isEmpty() && random.nextDouble() < 1 - NEVER_VISITED) {
                visits.add(new Visit(s, workingDay(from, end, random), InspectionType.SUPERVISION, "区教育局督查组"));
            }
            for (LocalDate month = from.withDayOfMonth(1); !month.isAfter(end); month = month.plusMonths(1)) {
                LocalDate first = month.isBefore(from) ? from : month;
                LocalDate last = month.plusMonths(1).minusDays(1).isAfter(end)
                        ? end
                        : month.plusMonths(1).minusDays(1);
                if (random.nextDouble() < 0.8) {
                    visits.add(new Visit(s, workingDay(first, last, random), InspectionType.SELF, staff[s][0]));
                }
            }
        }
        visits.sort(Comparator.comparing(Visit::day).thenComparing(Visit::school));
        return visits;
    }

    /** Hazards found on the visits: supervision finds more; each rectified (or not) on its own time. */
    private static List<Hazard> hazards(List<Visit> visits, String[][] staff, LocalDate end, Random random) {
        var hazards = new ArrayList<Hazard>();
        int[] sequence = new int[staff.length];
        for (Visit visit : visits) {
            int found = random.nextInt(visit.type() == InspectionType.SUPERVISION ? 4 : 2);
            for (int k = 0; k < found; k++) {
                var hazard = new Hazard();
                hazard.school = visit.school();
                hazard.sequence = ++sequence[visit.school()];
                hazard.found = visit.day();
                hazard.type = visit.type();
                hazard.inspector = visit.inspector();
                hazard.category = CATEGORIES[random.nextInt(CATEGORIES.length)];
                hazard.major = random.nextDouble() < MAJOR;
                int allowed = hazard.major ? 15 + random.nextInt(16) : 7 + random.nextInt(54);
                hazard.deadline = hazard.found.plusDays(allowed);
                if (random.nextDouble() < 0.9) {
                    double ratio = 0.3 + random.nextDouble() * 1.1; // a share runs past the deadline
                    hazard.rectified = hazard.found.plusDays(Math.max(1, Math.round(allowed * ratio)));
                    if (random.nextDouble() < 0.85) {
                        hazard.closed = hazard.rectified.plusDays(1 + random.nextInt(15));
                    }
                }
                HazardTexts.Pool pool = HazardTexts.pool(hazard.category);
                HazardTexts.Item[] items = hazard.major ? pool.major() : pool.general();
                hazard.item = items[random.nextInt(items.length)];
                hazard.location = pool.locations()[random.nextInt(pool.locations().length)];
                hazard.responsible = staff[visit.school()][1 + random.nextInt(2)];
                hazards.add(hazard);
            }
        }
        return hazards;
    }

    /** Drills per the rule: each teaching month, quarter or term in the period, most schools keeping to it. */
    private static List<Drill> drills(CampaignPlan plan, List<School> schools, LocalDate end, Random random) {
        var drills = new ArrayList<Drill>();
        for (int s = 0; s < schools.size(); s++) {
            CampaignPlan.DrillEvery every = plan.drillRule().get(schools.get(s).type());
            if (every == null) {
                continue;
            }
            int months = every == CampaignPlan.DrillEvery.MONTH ? 1 : every == CampaignPlan.DrillEvery.QUARTER ? 3 : 6;
            LocalDate from = plan.period().from();
            for (LocalDate start = from.withDayOfMonth(1); !start.isAfter(end); start = start.plusMonths(months)) {
                int month = start.getMonthValue();
                boolean teaching = months > 1 || month >= 3 && month <= 6 || month >= 9;
                LocalDate first = start.isBefore(from) ? from : start;
                LocalDate last = start.plusMonths(months).minusDays(1);
                last = last.isAfter(end) ? end : last;
                if (teaching && !first.isAfter(last) && random.nextDouble() < 0.88) {
                    String type = HazardTexts.DRILL_TYPES[random.nextInt(HazardTexts.DRILL_TYPES.length)];
                    drills.add(new Drill(s, workingDay(first, last, random), type));
                }
            }
        }
        drills.sort(Comparator.comparing(Drill::day).thenComparing(Drill::school));
        return drills;
    }

    /** Two facility surveys per school, near the start and at the end; a yes stays a yes. */
    private static List<Survey> surveys(List<School> schools, LocalDate from, LocalDate end, Random random) {
        var surveys = new ArrayList<Survey>();
        LocalDate first = from.plusDays(Math.min(14, ChronoUnit.DAYS.between(from, end)));
        for (int s = 0; s < schools.size(); s++) {
            boolean[] before = new boolean[6];
            boolean[] after = new boolean[6];
            for (int i = 0; i < 6; i++) {
                before[i] = random.nextDouble() < 0.7;
                after[i] = before[i] || random.nextDouble() < 0.8;
            }
            surveys.add(new Survey(s, first, before));
            if (end.isAfter(first)) {
                surveys.add(new Survey(s, end, after));
            }
        }
        surveys.sort(Comparator.comparing(Survey::day).thenComparing(Survey::school));
        return surveys;
    }

    private static LocalDate workingDay(LocalDate from, LocalDate to, Random random) {
        long days = ChronoUnit.DAYS.between(from, to) + 1;
        LocalDate day = from.plusDays((long) (random.nextDouble() * days));
        for (int tries = 0; tries < 3 && weekend(day); tries++) {
            day = from.plusDays((long) (random.nextDouble() * days));
        }
        return day;
    }

    private static boolean weekend(LocalDate day) {
        return day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
    }

    private static String name(Random random) {
        return HazardTexts.SURNAMES[random.nextInt(HazardTexts.SURNAMES.length)]
                + HazardTexts.GIVEN_NAMES[random.nextInt(HazardTexts.GIVEN_NAMES.length)];
    }

    private List<String[]> schoolRows(List<School> schools) {
        return schools.stream()
                .map(school -> new String[] {
                    school.code(),
                    school.name(),
                    school.districtCode(),
                    zh(school.type()),
                    school.boarding() ? "是" : "否",
                    Integer.toString(school.students())
                })
                .toList();
    }

    private List<String[]> ledgerRows(
            List<School> schools, String[][] staff, List<Hazard> hazards, LocalDate day, Predicate<Hazard> which) {
        var rows = new ArrayList<String[]>();
        for (Hazard h : hazards) {
            if (!which.test(h) || h.found.isAfter(day)) {
                continue;
            }
            School school = schools.get(h.school);
            HazardStatus status = h.statusAt(day);
            boolean rectified = status == HazardStatus.RECTIFIED || status == HazardStatus.CLOSED;
            rows.add(new String[] {
                "YH-" + school.code() + "-" + String.format("%05d", h.sequence),
                school.code(),
                school.name(),
                h.found.toString(),
                zh(h.type),
                h.inspector,
                zh(h.category),
                h.location,
                h.item.description(),
                zh(h.major ? Severity.MAJOR : Severity.GENERAL),
                h.item.measures(),
                h.major ? HazardTexts.TEMPORARY_MEASURES[h.sequence % HazardTexts.TEMPORARY_MEASURES.length] : "",
                h.responsible,
                h.deadline.toString(),
                zh(status),
                rectified ? h.rectified.toString() : "",
                status == HazardStatus.CLOSED ? h.closed.toString() : "",
                ""
            });
        }
        return rows;
    }

    private List<String[]> visitRows(List<School> schools, List<Visit> visits, Predicate<Visit> which) {
        return visits.stream()
                .filter(which)
                .map(v ->
                        new String[] {schools.get(v.school()).code(), v.day().toString(), zh(v.type()), v.inspector()})
                .toList();
    }

    private static List<String[]> drillRows(List<School> schools, List<Drill> drills, Predicate<Drill> which) {
        return drills.stream()
                .filter(which)
                .map(d -> new String[] {schools.get(d.school()).code(), d.day().toString(), d.type()})
                .toList();
    }

    private static List<String[]> surveyRows(List<School> schools, List<Survey> surveys, Predicate<Survey> which) {
        return surveys.stream()
                .filter(which)
                .map(v -> {
                    var row = new String[8];
                    row[0] = schools.get(v.school()).code();
                    row[1] = v.day().toString();
                    for (int i = 0; i < 6; i++) {
                        row[2 + i] = v.items()[i] ? "是" : "否";
                    }
                    return row;
                })
                .toList();
    }

    private String zh(Coded value) {
        return reference.taxonomy().term(value).nameZh();
    }

    private static TableLayout layout(Dataset dataset) {
        return switch (dataset) {
            case SCHOOLS -> TableLayout.SCHOOLS;
            case LEDGER -> TableLayout.LEDGER;
            case INSPECTIONS -> TableLayout.INSPECTIONS;
            case SURVEYS -> TableLayout.SURVEYS;
            case DRILLS -> TableLayout.DRILLS;
        };
    }

    /** A CSV as a school files it: 填报单位 and 填报日期 above the header, then the rows (none for a nil return). */
    private static GeneratedFile write(
            Path out, String name, TableLayout layout, School unit, LocalDate reportDate, List<String[]> rows)
            throws IOException {
        var text = new StringBuilder();
        text.append(layout.title()).append('\n');
        text.append(unit == null ? "" : "填报单位：" + unit.name())
                .append(",填报日期：")
                .append(reportDate)
                .append('\n');
        text.append(String.join(
                        ",",
                        layout.columns().stream()
                                .map(TableLayout.Column::header)
                                .toList()))
                .append('\n');
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                if (i > 0) {
                    text.append(',');
                }
                text.append(csv(row[i]));
            }
            text.append('\n');
        }
        Path path = out.resolve(name);
        Files.createDirectories(path.getParent());
        Files.writeString(path, text, StandardCharsets.UTF_8);
        return new GeneratedFile(layout.dataset(), name, reportDate, rows.size());
    }

    private static String csv(String value) {
        if (value == null) {
            return "";
        }
        return value.contains(",") || value.contains("\"") || value.contains("\n")
                ? "\"" + value.replace("\"", "\"\"") + "\""
                : value;
    }

    private static Path writeManifest(Path out, CampaignPlan plan, LocalDate asOf, long seed, List<GeneratedFile> files)
            throws IOException {
        var mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = mapper.createObjectNode();
        root.put("campaign", plan.id());
        root.put("as_of", asOf.toString());
        root.put("seed", seed);
        ArrayNode list = root.putArray("files");
        for (GeneratedFile file : files) {
            list.addObject()
                    .put("dataset", file.dataset().code())
                    .put("file", file.file())
                    .put("report_date", file.reportDate().toString())
                    .put("rows", file.rows());
        }
        Path manifest = out.resolve(Generator.MANIFEST);
        mapper.writeValue(manifest.toFile(), root);
        return manifest;
    }
}
