package cn.xiaoan.api.cli;

import cn.xiaoan.analytics.figure.QuestionText;
import cn.xiaoan.domain.District;
import cn.xiaoan.ingest.SchoolMove;
import cn.xiaoan.ingest.SchoolMoveRequest;
import cn.xiaoan.ingest.SchoolMoves;
import cn.xiaoan.ingest.SchoolOwnership;
import cn.xiaoan.ingest.Submitter;
import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code xiaoan schools move|moves|show}: which district owns a school, and the city-level move of a school to another
 * district (the only way a school changes district; a register row never does).
 */
@Command(
        name = "schools",
        mixinStandardHelpOptions = true,
        description = {"学校归属区县：查看与迁移（市级操作）", "Which district owns a school; move a school (city level)"},
        subcommands = {SchoolsCommand.Move.class, SchoolsCommand.Moves.class, SchoolsCommand.Show.class})
public final class SchoolsCommand implements Runnable {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Common to the subcommands: the warehouse whose schools are meant. */
    abstract static class SchoolsSubcommand implements Callable<Integer> {
        final Components components;

        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Mixin
        WarehouseOption warehouseOption;

        SchoolsSubcommand(Components components) {
            this.components = components;
        }

        SchoolMoves moves() {
            return components.schoolMoves(components.warehouse(warehouseOption.warehouse));
        }

        PrintWriter out() {
            return spec.commandLine().getOut();
        }

        String district(String code) {
            return components
                    .reference()
                    .districts()
                    .byCode(code)
                    .map(District::nameZh)
                    .map(name -> name + " " + code)
                    .orElse(code);
        }

        void print(SchoolMove move) {
            out().printf(
                            "#%d %s %s: %s → %s, 生效 effective %s; 操作人 by %s, 记录于 at %s%n    原因 reason: %s%n",
                            move.sequence(),
                            move.schoolCode(),
                            move.schoolName(),
                            district(move.fromDistrict()),
                            district(move.toDistrict()),
                            move.effectiveFrom(),
                            move.movedBy(),
                            move.movedAt(),
                            move.reason());
        }
    }

    @Command(
            name = "move",
            mixinStandardHelpOptions = true,
            description = {
                "将学校迁移到另一区县（市级操作）：生效日期前发现的隐患仍计入原区县，之后的计入新区县；记入 schools/moves.jsonl",
                "Move a school to another district (city level): hazards found before the effective date stay with the"
                        + " old district, later ones count for the new one; recorded in schools/moves.jsonl. Run"
                        + " `xiaoan build` afterwards."
            })
    static final class Move extends SchoolsSubcommand {
        @Parameters(paramLabel = "CODE", description = "学校标识码 School code (10 digits)")
        String schoolCode;

        @Option(
                names = "--to",
                required = true,
                paramLabel = "DISTRICT",
                description = "迁入区县（代码或名称） New district, by code or Chinese name")
        String to;

        @Option(names = "--reason", required = true, paramLabel = "TEXT", description = "迁移原因 Why it moves")
        String reason;

        @Option(
                names = "--effective",
                paramLabel = "YYYY-MM-DD",
                description = "生效日期（默认今天；不得早于该校上次迁移，最多晚于今天一天） First day in the new district"
                        + " (default today; not before the school's last move, at most one day ahead)")
        String effective;

        @Option(
                names = "--by",
                paramLabel = "NAME",
                description = "操作人（记入日志） Who moves it, as recorded (default: ${DEFAULT-VALUE})",
                defaultValue = Submitter.COMMAND_LINE)
        String by;

        @Mixin
        WriteOptions writeOptions;

        Move(Components components) {
            super(components);
        }

        @Override
        public Integer call() {
            Optional<LocalDate> effectiveFrom = QuestionText.date("--effective", Optional.ofNullable(effective));
            if (by.isBlank()) {
                throw new IllegalArgumentException("--by is blank: give who moves the school / 请填写操作人");
            }
            SchoolMove move = new SchoolMoves(
                            components.warehouse(warehouseOption.warehouse),
                            components.reference(),
                            components.clock(),
                            writeOptions.locks(components))
                    .move(new SchoolMoveRequest(schoolCode, to, reason, effectiveFrom, by.strip()));
            out().println("已迁移 moved:");
            print(move);
            out().println("请重新构建模型 run `xiaoan build` so figures follow the move");
            return 0;
        }
    }

    @Command(
            name = "moves",
            mixinStandardHelpOptions = true,
            description = {"列出学校迁移记录（最早的在前）", "List the recorded school moves, oldest first"})
    static final class Moves extends SchoolsSubcommand {
        @Option(names = "--school", paramLabel = "CODE", description = "只列此校 Only this school's moves")
        String schoolCode;

        Moves(Components components) {
            super(components);
        }

        @Override
        public Integer call() {
            var listed = moves().list().stream()
                    .filter(move -> schoolCode == null || move.schoolCode().equals(schoolCode.strip()))
                    .toList();
            if (listed.isEmpty()) {
                out().println("没有迁移记录 no school moves recorded");
            }
            listed.forEach(this::print);
            return 0;
        }
    }

    @Command(
            name = "show",
            mixinStandardHelpOptions = true,
            description = {"显示学校的归属区县与迁移记录", "Show which district owns a school, and its moves"})
    static final class Show extends SchoolsSubcommand {
        @Parameters(paramLabel = "CODE", description = "学校标识码 School code (10 digits)")
        String schoolCode;

        Show(Components components) {
            super(components);
        }

        @Override
        public Integer call() {
            SchoolOwnership school = moves().ownership(schoolCode.strip())
                    .orElseThrow(() -> new IllegalArgumentException(
                            "School " + schoolCode.strip() + " is not in the school register / 学校名册中没有该学校"));
            out().printf("%s %s%n", school.schoolCode(), school.name());
            out().printf("当前归属 current district: %s%n", district(school.currentDistrict()));
            out().printf("首次登记 first registered in: %s%n", district(school.firstDistrict()));
            school.moves().forEach(this::print);
            return 0;
        }
    }
}
