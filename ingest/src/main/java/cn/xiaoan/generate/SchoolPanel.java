package cn.xiaoan.generate;

import cn.xiaoan.domain.Category;
import cn.xiaoan.domain.District;
import cn.xiaoan.domain.ReferenceData;
import cn.xiaoan.domain.School;
import cn.xiaoan.domain.SchoolRegister;
import cn.xiaoan.domain.SchoolType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The schools of one generator run with everything the hazard model draws from: heavy-tailed risk weights, the
 * category mix of their type, their district's rectification speed, staff names and supervision group.
 */
final class SchoolPanel {
    private static final long SALT = 0x5C400L;
    private static final Category[] CATEGORIES = Category.values();

    /** Per-district character, so that districts differ clearly: risk, rectification slowness, share never fixed. */
    private record DistrictCharacter(double risk, double slowness, double stuck, double diligence) {}

    private static final Map<String, DistrictCharacter> CHARACTERS = Map.ofEntries(
            Map.entry("140902", new DistrictCharacter(0.9, 0.8, 0.6, 0.95)),
            Map.entry("140921", new DistrictCharacter(1.0, 1.0, 1.0, 0.9)),
            Map.entry("140922", new DistrictCharacter(1.3, 1.3, 1.6, 0.8)),
            Map.entry("140923", new DistrictCharacter(1.1, 0.9, 0.8, 0.9)),
            Map.entry("140924", new DistrictCharacter(1.4, 1.5, 2.0, 0.75)),
            Map.entry("140925", new DistrictCharacter(1.5, 1.2, 1.4, 0.8)),
            Map.entry("140926", new DistrictCharacter(1.2, 1.6, 1.8, 0.7)),
            Map.entry("140927", new DistrictCharacter(0.8, 0.9, 0.9, 0.9)),
            Map.entry("140928", new DistrictCharacter(1.0, 1.1, 1.2, 0.85)),
            Map.entry("140929", new DistrictCharacter(0.7, 0.8, 0.7, 0.92)),
            Map.entry("140930", new DistrictCharacter(1.1, 1.0, 1.0, 0.88)),
            Map.entry("140931", new DistrictCharacter(1.2, 1.0, 1.1, 0.85)),
            Map.entry("140932", new DistrictCharacter(0.9, 1.4, 1.5, 0.78)),
            Map.entry("140981", new DistrictCharacter(1.0, 0.9, 0.9, 0.92)),
            Map.entry("140603", new DistrictCharacter(1.1, 0.7, 0.5, 0.96)));
    private static final DistrictCharacter AVERAGE = new DistrictCharacter(1.0, 1.0, 1.0, 0.88);

    final School[] schools;
    final String[] typeNames;
    final boolean[] rural;
    /** How much slower than planned this school's district rectifies (1 = on plan). */
    final double[] slowness;
    /** Multiplier of the share of hazards never rectified. */
    final double[] stuck;
    /** Share of required self-inspections and drills the school actually does. */
    final double[] diligence;

    final int[] supervisionGroup;
    final String[][] staff;
    final int[] categoryTable;
    private final double[] cumulativeWeight;
    private final double[][] categoryCumulative;

    private SchoolPanel(List<School> selected, ReferenceData reference, long seed) {
        int n = selected.size();
        schools = selected.toArray(new School[0]);
        typeNames = new String[n];
        rural = new boolean[n];
        slowness = new double[n];
        stuck = new double[n];
        diligence = new double[n];
        supervisionGroup = new int[n];
        staff = new String[n][];
        categoryTable = new int[n];
        cumulativeWeight = new double[n];
        categoryCumulative = new double[SchoolType.values().length * 4][];
        for (SchoolType type : SchoolType.values()) {
            for (int variant = 0; variant < 4; variant++) {
                categoryCumulative[type.ordinal() * 4 + variant] =
                        categoryCumulative(type, variant >= 2, variant % 2 == 1);
            }
        }
        var rng = new Rng();
        double total = 0;
        for (int s = 0; s < n; s++) {
            School school = schools[s];
            DistrictCharacter character = CHARACTERS.getOrDefault(school.districtCode(), AVERAGE);
            typeNames[s] = reference.taxonomy().term(school.type()).nameZh();
            rural[s] = !school.districtCode().equals("140902")
                            && !school.districtCode().equals("140981")
                    || school.name().contains("镇")
                    || school.name().contains("乡");
            rng.reset(seed, SALT, Long.parseLong(school.code()));
            // Heavy tail: a log-normal factor concentrates hazards in a minority of schools.
            double tail = Math.exp(0.95 * rng.nextNormal());
            double size = Math.pow(Math.max(30, school.students()) / 500.0, 0.35);
            double weight =
                    character.risk() * typeFactor(school.type()) * (school.boarding() ? 1.5 : 1.0) * size * tail;
            total += weight;
            cumulativeWeight[s] = total;
            slowness[s] = character.slowness() * Math.exp(0.25 * rng.nextNormal());
            stuck[s] = character.stuck() * Math.exp(0.5 * rng.nextNormal());
            diligence[s] = Math.max(0.3, Math.min(1.0, character.diligence() + 0.12 * rng.nextNormal()));
            int position = pingluPosition(school);
            supervisionGroup[s] = position > 0
                    ? Arrays.asList(HazardTexts.SUPERVISION_GROUPS)
                            .indexOf(DemoRegisterBuilder.pingluSupervisionGroup(position))
                    : rng.nextInt(HazardTexts.SUPERVISION_GROUPS.length);
            staff[s] = new String[4];
            for (int k = 0; k < staff[s].length; k++) {
                staff[s][k] = HazardTexts.SURNAMES[rng.nextInt(HazardTexts.SURNAMES.length)]
                        + HazardTexts.GIVEN_NAMES[rng.nextInt(HazardTexts.GIVEN_NAMES.length)];
            }
            categoryTable[s] = school.type().ordinal() * 4 + (school.boarding() ? 2 : 0) + (rural[s] ? 1 : 0);
        }
    }

    /**
     * The first {@code count} schools of the demo register, spread over every district (round-robin by district,
     * 平鲁区 first), or the whole register plus synthetic schools when it is too small; sorted by school code.
     */
    static SchoolPanel select(ReferenceData reference, int count, long seed) {
        List<School> register = SchoolRegister.loadDemo(reference).schools();
        var selected = new ArrayList<School>(count);
        if (count >= register.size()) {
            selected.addAll(register);
            var names = new HashSet<String>();
            register.forEach(school -> names.add(school.name()));
            selected.addAll(DemoRegisterBuilder.extraSchools(reference, register, count - register.size(), names));
        } else {
            var byDistrict = new LinkedHashMap<String, List<School>>();
            byDistrict.put(DemoRegisterBuilder.PINGLU, new ArrayList<>());
            for (District district : reference.districts().all()) {
                byDistrict.putIfAbsent(district.code(), new ArrayList<>());
            }
            for (School school : register) {
                byDistrict
                        .computeIfAbsent(school.districtCode(), k -> new ArrayList<>())
                        .add(school);
            }
            for (int round = 0; selected.size() < count; round++) {
                for (List<School> schools : byDistrict.values()) {
                    if (round < schools.size() && selected.size() < count) {
                        selected.add(schools.get(round));
                    }
                }
            }
        }
        selected.sort(Comparator.comparing(School::code));
        return new SchoolPanel(selected, reference, seed);
    }

    int size() {
        return schools.length;
    }

    /** The school at a uniform draw in [0, 1), by risk weight. */
    int pick(double uniform) {
        double target = uniform * cumulativeWeight[cumulativeWeight.length - 1];
        int low = 0;
        int high = cumulativeWeight.length - 1;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (cumulativeWeight[mid] > target) {
                high = mid;
            } else {
                low = mid + 1;
            }
        }
        return low;
    }

    /** A category for a school at a uniform draw, from the mix of its type, boarding and rural flags. */
    Category category(int school, double uniform) {
        double[] cumulative = categoryCumulative[categoryTable[school]];
        double target = uniform * cumulative[cumulative.length - 1];
        for (int c = 0; c < cumulative.length; c++) {
            if (cumulative[c] > target) {
                return CATEGORIES[c];
            }
        }
        return CATEGORIES[CATEGORIES.length - 1];
    }

    private static int pingluPosition(School school) {
        int position = DemoRegisterBuilder.PINGLU_SCHOOLS.indexOf(school);
        return position + 1;
    }

    private static double typeFactor(SchoolType type) {
        return switch (type) {
            case KINDERGARTEN -> 0.6;
            case PRIMARY -> 1.0;
            case JUNIOR -> 1.2;
            case NINE_YEAR -> 1.3;
            case SENIOR -> 1.4;
            case COMPLETE_SECONDARY -> 1.4;
            case VOCATIONAL -> 1.6;
            case SPECIAL -> 0.8;
            case TRAINING -> 0.5;
        };
    }

    private static double[] categoryCumulative(SchoolType type, boolean boarding, boolean rural) {
        var weights = new java.util.EnumMap<Category, Double>(Category.class);
        weights.put(Category.FIRE, 14.0);
        weights.put(Category.ELECTRIC_GAS, 10.0);
        weights.put(Category.TRAFFIC, 7.0);
        weights.put(Category.FOOD_WATER, 9.0);
        weights.put(Category.LAB_CHEM, 4.0);
        weights.put(Category.BUILDING, 8.0);
        weights.put(Category.CONSTRUCTION, 3.0);
        weights.put(Category.EQUIPMENT, 8.0);
        weights.put(Category.SECURITY, 10.0);
        weights.put(Category.BULLYING_MENTAL, 4.0);
        weights.put(Category.ACTIVITY, 2.0);
        weights.put(Category.EDUCATION_DRILL, 6.0);
        weights.put(Category.MANAGEMENT, 8.0);
        weights.put(Category.DISEASE, 3.0);
        weights.put(Category.NATURAL_DISASTER, 2.0);
        switch (type) {
            case KINDERGARTEN -> {
                weights.put(Category.LAB_CHEM, 0.0);
                weights.put(Category.ACTIVITY, 0.5);
                scale(weights, Category.TRAFFIC, 0.6);
                scale(weights, Category.FOOD_WATER, 1.4);
                scale(weights, Category.EQUIPMENT, 1.3);
                scale(weights, Category.BULLYING_MENTAL, 0.3);
                scale(weights, Category.DISEASE, 1.8);
            }
            case PRIMARY -> scale(weights, Category.LAB_CHEM, 0.3);
            case JUNIOR, NINE_YEAR -> scale(weights, Category.BULLYING_MENTAL, 1.5);
            case SENIOR, COMPLETE_SECONDARY -> {
                scale(weights, Category.LAB_CHEM, 1.6);
                scale(weights, Category.BULLYING_MENTAL, 1.3);
            }
            case VOCATIONAL -> {
                scale(weights, Category.LAB_CHEM, 1.3);
                scale(weights, Category.ACTIVITY, 4.0);
                scale(weights, Category.EQUIPMENT, 1.5);
            }
            case SPECIAL -> {
                scale(weights, Category.LAB_CHEM, 0.2);
                scale(weights, Category.EQUIPMENT, 1.3);
            }
            case TRAINING -> {
                weights.put(Category.LAB_CHEM, 0.0);
                scale(weights, Category.CONSTRUCTION, 0.3);
                scale(weights, Category.FIRE, 1.3);
                scale(weights, Category.FOOD_WATER, 0.3);
                scale(weights, Category.SECURITY, 0.7);
            }
        }
        if (boarding) {
            scale(weights, Category.FIRE, 1.8);
            scale(weights, Category.ELECTRIC_GAS, 1.4);
            scale(weights, Category.FOOD_WATER, 1.3);
        }
        if (rural) {
            scale(weights, Category.TRAFFIC, 1.8);
            scale(weights, Category.NATURAL_DISASTER, 1.5);
            scale(weights, Category.BUILDING, 1.3);
        }
        double[] cumulative = new double[CATEGORIES.length];
        double sum = 0;
        for (Category category : CATEGORIES) {
            sum += weights.get(category);
            cumulative[category.ordinal()] = sum;
        }
        return cumulative;
    }

    private static void scale(Map<Category, Double> weights, Category category, double factor) {
        weights.put(category, weights.get(category) * factor);
    }
}
