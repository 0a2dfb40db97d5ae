package cn.xiaoan.generate;

import cn.xiaoan.domain.District;
import cn.xiaoan.domain.ReferenceData;
import cn.xiaoan.domain.School;
import cn.xiaoan.domain.SchoolType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Builds the demo school register {@code data/reference/schools.csv}: the real schools of 平鲁区 named in
 * 平鲁区教育局's 2023 hazard-inspection plan plus deterministic synthetic schools for the 忻州 districts. The
 * committed CSV is the source of truth; run {@link #main} to regenerate it after changing the rules here.
 */
final class DemoRegisterBuilder {
    static final String PINGLU = "140603";

    private static final String[] VILLAGES = {
        "东街", "西街", "南关", "北关", "王家庄", "李家庄", "张家湾", "刘家坪", "赵家沟", "高家庄", "下社", "上社", "红旗", "新建", "杨家营", "马家庄", "石岭",
        "小河", "前进", "东庄", "西庄", "南庄", "北庄", "白土坡", "柳树沟"
    };
    private static final String[] KINDERGARTEN_BRANDS = {
        "阳光", "小太阳", "金太阳", "童心", "育才", "爱心", "蓝天", "彩虹", "启智", "七彩", "贝贝", "小天使", "博雅", "新蕾", "春苗", "星星", "晨曦"
    };
    private static final String[] TRAINING_BRANDS = {
        "启航", "博学", "新思维", "卓越", "智慧树", "书香", "墨韵书法", "艺术之星", "英才", "明德", "弘文", "百灵鸟音乐", "跃动体育"
    };
    private static final String[] NUMBERS = {
        "零", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二", "十三", "十四", "十五", "十六", "十七", "十八", "十九",
        "二十"
    };

    /** District code, number of schools, towns (real 乡镇 names). */
    private record Plan(String code, int schools, boolean urban, String[] towns) {}

    private static final List<Plan> PLANS = List.of(
            new Plan("140902", 170, true, towns("奇村镇 三交镇 庄磨镇 豆罗镇 董村镇 播明镇 高城乡 解原乡 紫岩乡 北义井乡 合索乡 阳坡乡 兰村乡 西张镇")),
            new Plan("140921", 50, false, towns("晋昌镇 河边镇 宏道镇 受禄乡 蒋村镇 南王乡 季庄乡")),
            new Plan("140922", 75, false, towns("台城镇 东冶镇 豆村镇 耿镇 白家庄镇 建安乡 沟南乡 陈家庄乡 蒋坊乡 高洪口乡 阳白乡 灯花乡")),
            new Plan("140923", 60, false, towns("上馆镇 阳明堡镇 峨口镇 聂营镇 枣林镇 滩上镇 新高乡 峪口乡 雁门关乡")),
            new Plan("140924", 70, false, towns("繁城镇 砂河镇 大营镇 下茹越乡 光裕堡乡 集义庄乡 东山乡 金山铺乡 柏家庄乡 岩头乡 杏园乡 神堂堡乡")),
            new Plan("140925", 50, false, towns("凤凰镇 阳方口镇 东寨镇 石家庄镇 薛家洼乡 余庄乡 涔山乡 化北屯乡 迭台寺乡 西马坊乡 新堡乡 圪廖乡 怀道乡")),
            new Plan("140926", 40, false, towns("鹅城镇 杜家村镇 康家会镇 丰润镇 娑婆乡 双路乡 段家寨乡 辛村乡 中庄乡 赤泥洼乡 王村乡 神峪沟乡")),
            new Plan("140927", 30, false, towns("龙泉镇 义井镇 八角镇 东湖乡 太平庄乡 虎北乡 贺职乡 长畛乡 烈堡乡 大严备乡")),
            new Plan("140928", 35, false, towns("砚城镇 小河头镇 三岔镇 前所乡 李家坪乡 孙家坪乡 杏岭子乡 胡会乡 梁家坪乡 韩家楼乡 东秀庄乡 新寨乡")),
            new Plan("140929", 30, false, towns("岚漪镇 三井镇 神堂坪乡 高家会乡 李家沟乡 水峪贯乡 西豹峪乡 宋家沟乡 王家岔乡")),
            new Plan("140930", 45, false, towns("文笔镇 楼子营镇 刘家塔镇 巡镇镇 鹿固乡 单寨乡 土沟乡 旧县乡 沙坪乡 赵家沟乡 沙泉乡 社梁乡")),
            new Plan("140931", 45, false, towns("东关镇 义门镇 杨家湾镇 桥头镇 腰庄乡 韩家川乡 土崖塔乡 林遮峪乡 南河沟乡 孙家沟乡 窑洼乡 冯家川乡")),
            new Plan("140932", 30, false, towns("新关镇 天峰坪镇 老营镇 万家寨镇 楼沟乡 尚峪乡 南堡子乡 陈家营乡 水泉乡 窑头乡")),
            new Plan("140981", 140, true, towns("崞阳镇 大牛店镇 闫庄镇 长梁沟镇 轩岗镇 新原乡 南白乡 子干乡 中阳乡 楼板寨乡 苏龙口镇 段家堡乡 东社镇 沿沟乡")));

    /** Towns of 平鲁区, used only when more schools are synthesised than the register holds. */
    private static final String[] PINGLU_TOWNS = towns("井坪镇 凤凰城镇 白堂乡 陶村乡 高石庄乡 阻虎乡 下水头乡 向阳堡乡 下面高乡 西水界乡 双碾乡 败虎堡乡");

    /** The real schools and kindergartens of 平鲁区 named in that plan, in the order of its supervision groups. */
    static final List<School> PINGLU_SCHOOLS = List.of(
            pinglu(1, "下面高寄宿制学校", SchoolType.NINE_YEAR, true, 286),
            pinglu(2, "向阳堡寄宿制学校", SchoolType.PRIMARY, true, 174),
            pinglu(3, "敬德学校", SchoolType.NINE_YEAR, false, 1320),
            pinglu(4, "井坪第二小学", SchoolType.PRIMARY, false, 1460),
            pinglu(5, "启明实验学校", SchoolType.NINE_YEAR, false, 980),
            pinglu(6, "井坪第六小学", SchoolType.PRIMARY, false, 1130),
            pinglu(7, "实验小学", SchoolType.PRIMARY, false, 1690),
            pinglu(8, "常青藤学校小学部", SchoolType.PRIMARY, false, 620),
            pinglu(9, "井坪镇寄宿制学校", SchoolType.NINE_YEAR, true, 540),
            pinglu(10, "白堂乡寄宿制学校", SchoolType.PRIMARY, true, 212),
            pinglu(11, "陶村乡寄宿制学校", SchoolType.PRIMARY, true, 168),
            pinglu(12, "天明幼儿园", SchoolType.KINDERGARTEN, false, 310),
            pinglu(13, "春芽幼儿园", SchoolType.KINDERGARTEN, false, 265),
            pinglu(14, "文苑幼儿园", SchoolType.KINDERGARTEN, false, 240),
            pinglu(15, "易苑幼儿园", SchoolType.KINDERGARTEN, false, 198),
            pinglu(16, "金宏幼儿园", SchoolType.KINDERGARTEN, false, 176),
            pinglu(17, "惠智幼儿园", SchoolType.KINDERGARTEN, false, 154),
            pinglu(18, "小精灵幼儿园", SchoolType.KINDERGARTEN, false, 132),
            pinglu(19, "天骄幼儿园", SchoolType.KINDERGARTEN, false, 188),
            pinglu(20, "金色摇篮幼儿园", SchoolType.KINDERGARTEN, false, 221),
            pinglu(21, "育英幼儿园", SchoolType.KINDERGARTEN, false, 143),
            pinglu(22, "高石庄寄宿制学校", SchoolType.PRIMARY, true, 156),
            pinglu(23, "凤凰城寄宿制学校", SchoolType.NINE_YEAR, true, 430),
            pinglu(24, "职业中学", SchoolType.VOCATIONAL, true, 1250),
            pinglu(25, "李林中学", SchoolType.COMPLETE_SECONDARY, true, 2860),
            pinglu(26, "平鲁二中", SchoolType.JUNIOR, false, 1180),
            pinglu(27, "平鲁三中", SchoolType.JUNIOR, false, 860),
            pinglu(28, "实验中学", SchoolType.JUNIOR, false, 1340),
            pinglu(29, "知达常青藤学校初中部", SchoolType.JUNIOR, true, 540),
            pinglu(30, "阻虎乡寄宿制学校", SchoolType.PRIMARY, true, 138),
            pinglu(31, "下水头寄宿制学校", SchoolType.NINE_YEAR, true, 205));

    /** The supervision group (督查组) of that plan for each real 平鲁区 school, by the position above. */
    static String pingluSupervisionGroup(int position) {
        if (position <= 2) {
            return "督查一组";
        } else if (position <= 11) {
            return "督查二组";
        } else if (position <= 23) {
            return "督查三组";
        }
        return "督查四组";
    }

    private DemoRegisterBuilder() {}

    /** The whole demo register: synthetic 忻州 schools by district in districts.csv order, then 平鲁区. */
    static List<School> build(ReferenceData reference) {
        var schools = new ArrayList<School>();
        var names = new java.util.HashSet<String>();
        for (Plan plan : PLANS) {
            District district = reference
                    .districts()
                    .byCode(plan.code())
                    .orElseThrow(() -> new IllegalStateException(
                            "Cannot build demo register: district " + plan.code() + " is not in districts.csv"));
            var random = new SplittableRandom(Long.parseLong(plan.code()) * 7919L);
            for (School school : districtSchools(plan, district, random)) {
                if (!names.add(school.name())) {
                    throw new IllegalStateException("Cannot build demo register: duplicate name " + school.name());
                }
                schools.add(school);
            }
        }
        schools.addAll(PINGLU_SCHOOLS);
        return schools;
    }

    private static List<School> districtSchools(Plan plan, District district, SplittableRandom random) {
        Map<SchoolType, Integer> counts = typeCounts(plan);
        String county = district.nameZh();
        var result = new ArrayList<School>();
        int sequence = 0;
        for (SchoolType type : SchoolType.values()) {
            List<String> candidates = candidates(type, county, plan.towns(), random);
            int wanted = counts.get(type);
            if (candidates.size() < wanted) {
                throw new IllegalStateException("Cannot build demo register: only " + candidates.size() + " names for "
                        + wanted + " " + type + " in " + county);
            }
            for (int i = 0; i < wanted; i++) {
                String name = candidates.get(i);
                boolean boarding = boarding(type, name, plan.urban(), random);
                int students = students(type, name, plan.urban(), random);
                sequence++;
                result.add(new School(code(plan.code(), sequence), name, plan.code(), type, boarding, students));
            }
        }
        return result;
    }

    static String code(String districtCode, int sequence) {
        if (sequence < 1 || sequence > 99_999) {
            throw new IllegalArgumentException("Cannot create school code: sequence " + sequence + " out of range");
        }
        String digits = Integer.toString(sequence);
        return "1" + districtCode.substring(2) + "00000".substring(digits.length()) + digits;
    }

    private static Map<SchoolType, Integer> typeCounts(Plan plan) {
        int n = plan.schools();
        var counts = new EnumMap<SchoolType, Integer>(SchoolType.class);
        counts.put(SchoolType.SENIOR, plan.urban() ? 4 : 1);
        counts.put(SchoolType.COMPLETE_SECONDARY, n >= 45 ? 1 : 0);
        counts.put(SchoolType.VOCATIONAL, plan.urban() ? 3 : 1);
        counts.put(SchoolType.SPECIAL, 1);
        counts.put(SchoolType.TRAINING, (int) Math.round(n * (plan.urban() ? 0.08 : 0.04)));
        counts.put(SchoolType.JUNIOR, (int) Math.round(n * (plan.urban() ? 0.09 : 0.07)));
        counts.put(SchoolType.NINE_YEAR, (int) Math.round(n * (plan.urban() ? 0.05 : 0.10)));
        counts.put(SchoolType.KINDERGARTEN, (int) Math.round(n * 0.36));
        int used = counts.values().stream().mapToInt(Integer::intValue).sum();
        counts.put(SchoolType.PRIMARY, n - used);
        return counts;
    }

    private static List<String> candidates(SchoolType type, String county, String[] towns, SplittableRandom random) {
        var fixed = new LinkedHashSet<String>();
        var pool = new ArrayList<String>();
        switch (type) {
            case KINDERGARTEN -> {
                fixed.add(county + "实验幼儿园");
                fixed.add(county + "第一幼儿园");
                for (int i = 2; i <= 10; i++) {
                    pool.add(county + "第" + NUMBERS[i] + "幼儿园");
                }
                pool.add(county + "机关幼儿园");
                for (String town : towns) {
                    pool.add(county + town + "中心幼儿园");
                    pool.add(county + town + VILLAGES[Math.floorMod(town.hashCode(), VILLAGES.length)] + "幼儿园");
                    pool.add(county + town + VILLAGES[Math.floorMod(town.hashCode() + 3, VILLAGES.length)] + "幼儿园");
                }
                for (String brand : KINDERGARTEN_BRANDS) {
                    pool.add(county + brand + "幼儿园");
                }
            }
            case PRIMARY -> {
                fixed.add(county + "实验小学");
                for (int i = 1; i <= 12; i++) {
                    pool.add(county + "第" + NUMBERS[i] + "小学");
                }
                for (String town : towns) {
                    pool.add(county + town + "中心小学");
                    pool.add(county + town + "寄宿制小学");
                    for (int v = 0; v < 4; v++) {
                        pool.add(county + town + VILLAGES[Math.floorMod(town.hashCode() + v * 7, VILLAGES.length)]
                                + "小学");
                    }
                }
            }
            case JUNIOR -> {
                fixed.add(county + "实验中学");
                for (int i = 3; i <= 8; i++) {
                    pool.add(county + "第" + NUMBERS[i] + "中学");
                }
                for (String town : towns) {
                    pool.add(county + town + "初级中学");
                }
            }
            case NINE_YEAR -> {
                for (String town : towns) {
                    pool.add(county + town + "中心学校");
                    pool.add(county + town + "寄宿制学校");
                    pool.add(county + town + "九年一贯制学校");
                }
            }
            case SENIOR -> {
                fixed.add(county.length() == 2 ? county + "中学" : county + "第一中学");
                pool.add(county + "第二中学");
                pool.add(county + "实验高级中学");
                pool.add(county + "育才高级中学");
                pool.add(county + "外国语学校高中部");
            }
            case COMPLETE_SECONDARY -> {
                for (String town : towns) {
                    pool.add(county + shortTown(town) + "中学");
                }
            }
            case VOCATIONAL -> {
                fixed.add(county + "职业中学");
                pool.add(county + "职业技术学校");
                pool.add(county + "职业教育中心");
                pool.add(county + "卫生职业学校");
            }
            case SPECIAL -> fixed.add(county + "特殊教育学校");
            case TRAINING -> {
                for (String brand : TRAINING_BRANDS) {
                    pool.add(county + brand + "培训学校");
                    pool.add(county + brand + "教育培训中心");
                }
            }
        }
        shuffle(pool, random);
        var all = new LinkedHashSet<>(fixed);
        all.addAll(pool);
        return List.copyOf(all);
    }

    private static boolean boarding(SchoolType type, String name, boolean urban, SplittableRandom random) {
        if (name.contains("寄宿制")) {
            return true;
        }
        double p =
                switch (type) {
                    case KINDERGARTEN, TRAINING -> 0.0;
                    case PRIMARY -> urban ? 0.02 : 0.08;
                    case JUNIOR -> urban ? 0.15 : 0.55;
                    case NINE_YEAR -> urban ? 0.3 : 0.65;
                    case SENIOR -> 0.85;
                    case COMPLETE_SECONDARY -> 0.75;
                    case VOCATIONAL -> 0.7;
                    case SPECIAL -> 0.5;
                };
        return random.nextDouble() < p;
    }

    private static int students(SchoolType type, String name, boolean urban, SplittableRandom random) {
        boolean town = name.contains("镇") || name.contains("乡");
        int[] range =
                switch (type) {
                    case KINDERGARTEN -> town ? new int[] {40, 220} : new int[] {90, 480};
                    case PRIMARY -> town ? new int[] {30, 520} : urban ? new int[] {600, 2600} : new int[] {350, 1600};
                    case JUNIOR -> town ? new int[] {180, 900} : new int[] {600, 1900};
                    case NINE_YEAR -> new int[] {150, 1200};
                    case SENIOR -> new int[] {1200, 4200};
                    case COMPLETE_SECONDARY -> new int[] {700, 2400};
                    case VOCATIONAL -> new int[] {400, 2600};
                    case SPECIAL -> new int[] {30, 180};
                    case TRAINING -> new int[] {30, 420};
                };
        return range[0] + random.nextInt(range[1] - range[0] + 1);
    }

    /** More schools than the register holds: well-formed synthetic schools, deterministic in their number. */
    static List<School> extraSchools(
            ReferenceData reference, List<School> register, int count, Set<String> namesInUse) {
        var districts = reference.districts().all();
        var sequences = new java.util.HashMap<String, Integer>();
        for (School school : register) {
            int sequence = Integer.parseInt(school.code().substring(5));
            sequences.merge(school.districtCode(), sequence, Math::max);
        }
        var names = new java.util.HashSet<>(namesInUse);
        var result = new ArrayList<School>(count);
        SchoolType[] types = {
            SchoolType.PRIMARY, SchoolType.KINDERGARTEN, SchoolType.PRIMARY, SchoolType.KINDERGARTEN,
            SchoolType.JUNIOR, SchoolType.PRIMARY, SchoolType.KINDERGARTEN, SchoolType.NINE_YEAR,
            SchoolType.PRIMARY, SchoolType.TRAINING
        };
        for (int k = 0; k < count; k++) {
            District district = districts.get(k % districts.size());
            int round = k / districts.size();
            String[] towns = townsOf(district.code());
            String town = towns[round % towns.length];
            String village = VILLAGES[(round / towns.length) % VILLAGES.length];
            SchoolType type = types[(round + k) % types.length];
            String suffix =
                    switch (type) {
                        case KINDERGARTEN -> "幼儿园";
                        case JUNIOR -> "初级中学";
                        case NINE_YEAR -> "学校";
                        case TRAINING -> "培训学校";
                        case PRIMARY, SENIOR, COMPLETE_SECONDARY, VOCATIONAL, SPECIAL -> "小学";
                    };
            String base = district.nameZh() + town + village + suffix;
            String name = base;
            for (int n = 2; !names.add(name); n++) {
                name = base + "第" + n + "分校";
            }
            int sequence = sequences.merge(district.code(), 1, Integer::sum);
            var random = new SplittableRandom(k * 31L + 17);
            result.add(new School(
                    code(district.code(), sequence),
                    name,
                    district.code(),
                    type,
                    boarding(type, name, false, random),
                    students(type, name, false, random)));
        }
        return result;
    }

    private static String[] townsOf(String districtCode) {
        for (Plan plan : PLANS) {
            if (plan.code().equals(districtCode)) {
                return plan.towns();
            }
        }
        return districtCode.equals(PINGLU) ? PINGLU_TOWNS : new String[] {"城关镇", "新城镇", "东关镇", "西关镇"};
    }

    private static String shortTown(String town) {
        return town.length() > 2 && (town.endsWith("镇") || town.endsWith("乡"))
                ? town.substring(0, town.length() - 1)
                : town;
    }

    private static void shuffle(List<String> list, SplittableRandom random) {
        for (int i = list.size() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            String t = list.get(i);
            list.set(i, list.get(j));
            list.set(j, t);
        }
    }

    private static String[] towns(String spaceSeparated) {
        return spaceSeparated.split(" ");
    }

    private static School pinglu(int sequence, String name, SchoolType type, boolean boarding, int students) {
        return new School(code(PINGLU, sequence), name, PINGLU, type, boarding, students);
    }

    /** Writes the register as CSV; the argument is the target path (default data/reference/schools.csv). */
    public static void main(String[] args) throws IOException {
        Path target = Path.of(args.length > 0 ? args[0] : "data/reference/schools.csv");
        var out = new StringBuilder("school_code,name,district_code,school_type,boarding,students\n");
        for (School school : build(ReferenceData.load())) {
            out.append(school.code())
                    .append(',')
                    .append(school.name())
                    .append(',')
                    .append(school.districtCode())
                    .append(',')
                    .append(school.type().code())
                    .append(',')
                    .append(school.boarding())
                    .append(',')
                    .append(school.students())
                    .append('\n');
        }
        Files.writeString(target, out, StandardCharsets.UTF_8);
    }
}
