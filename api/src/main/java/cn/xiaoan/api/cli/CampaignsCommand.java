package cn.xiaoan.api.cli;

import cn.xiaoan.analytics.campaign.CampaignCatalog;
import cn.xiaoan.analytics.campaign.CampaignDefinition;
import cn.xiaoan.analytics.campaign.CampaignFileException;
import cn.xiaoan.analytics.campaign.CampaignReader;
import cn.xiaoan.analytics.campaign.CampaignValidator;
import cn.xiaoan.analytics.campaign.GoalDefinition;
import cn.xiaoan.analytics.campaign.Phase;
import cn.xiaoan.analytics.service.CampaignGoalService;
import cn.xiaoan.analytics.service.FigureService;
import cn.xiaoan.analytics.service.GoalMeasure;
import cn.xiaoan.analytics.service.GoalProgress;
import cn.xiaoan.analytics.service.GoalReport;
import cn.xiaoan.analytics.service.GroupRound;
import cn.xiaoan.analytics.service.GroupSchool;
import cn.xiaoan.analytics.service.ReturnSchedule;
import cn.xiaoan.analytics.service.ReturnStatus;
import cn.xiaoan.analytics.service.ReturnsReport;
import cn.xiaoan.analytics.service.ReturnsService;
import cn.xiaoan.analytics.service.SupervisionGroupService;
import cn.xiaoan.analytics.service.SupervisionReport;
import cn.xiaoan.analytics.serving.ModelSnapshot;
import cn.xiaoan.api.output.CampaignBodies;
import cn.xiaoan.api.output.CampaignDataBodies;
import cn.xiaoan.api.server.JsonBodies;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code xiaoan campaigns list|show|check|goals|groups|returns|stock-flow|outlook}: the campaigns defined in
 * data/campaigns (docs/CAMPAIGNS.md), a new campaign file checked before it is shipped, and a campaign's goals,
 * supervision groups, returns, stock-flow statement and goal outlook on the warehouse.
 */
@Command(
        name = "campaigns",
        mixinStandardHelpOptions = true,
        description = {"专项行动：列出、查看、校验定义文件、目标进展", "Campaigns: list, show, check a definition file, goals"},
        subcommands = {
            CampaignsCommand.ListCampaigns.class,
            CampaignsCommand.Show.class,
            CampaignsCommand.Check.class,
            CampaignsCommand.Goals.class,
            CampaignsCommand.Groups.class,
            CampaignsCommand.Returns.class,
            CampaignStockFlowCommand.class,
            CampaignOutlookCommand.class
        })
public final class CampaignsCommand implements Runnable {
    /** Output formats. */
    enum Format {
        text,
        json
    }

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Common to the subcommands: the components, the output and its format. */
    abstract static class CampaignsSubcommand implements Callable<Integer> {
        final Components components;

        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        /** The warehouse whose figures goals and check evaluate (list and show read only the campaign files). */
        @Mixin
        WarehouseOption warehouseOption;

        @Option(
                names = "--format",
                paramLabel = "FORMAT",
                description = "输出格式 Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE})")
        Format format = Format.text;

        CampaignsSubcommand(Components components) {
            this.components = components;
        }

        PrintWriter out() {
            return spec.commandLine().getOut();
        }

        void json(Object body) throws JsonProcessingException {
            out().println(components.json().writeValueAsString(body));
            out().flush();
        }

        CampaignDefinition campaign(CampaignCatalog catalog, String id) {
            return catalog.byId(id)
                    .orElseThrow(() -> new IllegalArgumentException("没有专项行动 " + id + " / No campaign " + id
                            + "; known: "
                            + catalog.all().stream().map(CampaignDefinition::id).collect(Collectors.joining(", "))));
        }
    }

    /** Adds the warehouse and as-of date for the commands that evaluate goals. */
    abstract static class GoalsSubcommand extends CampaignsSubcommand {
        @Option(
                names = "--as-of",
                paramLabel = "YYYY-MM-DD",
                description = "截止日期 As-of date (default: the latest report date)")
        String asOf;

        @Option(
                names = "--district",
                paramLabel = "CODE[,CODE]",
                split = ",",
                description = "县区 Districts (default: the campaign's whole area)")
        List<String> districts = new ArrayList<>();

        @picocli.CommandLine.Mixin
        KnowledgeOptions knowledge;

        GoalsSubcommand(Components components) {
            super(components);
        }

        /** The warehouse's figures, models as known at a time included (close it). */
        FigureService figures() {
            return components.figures(components.warehouse(warehouseOption.warehouse));
        }

        /** The model the command answers from: the published one, or as known at --known-at / reported by --reported-by. */
        ModelSnapshot snapshot(FigureService figures) {
            return figures.snapshot(knowledge.knowledge());
        }

        /** What a campaign subcommand asks of the figures, as of the day and for the districts asked. */
        @FunctionalInterface
        interface CampaignQuestion<T> {
            T answer(
                    FigureService figures,
                    CampaignDefinition campaign,
                    ModelSnapshot snapshot,
                    Optional<LocalDate> day,
                    Set<String> districts);
        }

        /** The JSON document of an answer, the one its HTTP route sends ({@code primary}: the primary campaign's). */
        @FunctionalInterface
        interface Document<T> {
            Object of(T answer, boolean primary);
        }

        /** The answer as text. */
        @FunctionalInterface
        interface Text<T> {
            void print(PrintWriter out, CampaignDefinition campaign, T answer);
        }

        /**
         * Answers the question for the campaign from the model asked (--known-at, --reported-by), as of --as-of for
         * --district, and prints the answer as the HTTP route's document ({@code --format json}) or as text.
         */
        <T> int answer(
                CampaignCatalog catalog,
                CampaignDefinition campaign,
                CampaignQuestion<T> question,
                Document<T> document,
                Text<T> text)
                throws JsonProcessingException {
            try (FigureService figures = figures()) {
                T answer = question.answer(figures, campaign, snapshot(figures), asOfDay(), Set.copyOf(districts));
                if (format == Format.json) {
                    json(document.of(answer, catalog.primary().id().equals(campaign.id())));
                    return 0;
                }
                PrintWriter out = out();
                text.print(out, campaign, answer);
                out.flush();
                return 0;
            }
        }

        int printGoals(CampaignCatalog catalog, CampaignDefinition campaign) throws JsonProcessingException {
            // the same document as GET /api/v1/campaigns/{id}/goals
            return answer(
                    catalog,
                    campaign,
                    (figures, asked, snapshot, day, districts) ->
                            new CampaignGoalService(figures, catalog).goals(asked, snapshot, day, districts),
                    JsonBodies.GoalsBody::of,
                    this::printGoals);
        }

        private void printGoals(PrintWriter out, CampaignDefinition campaign, GoalReport report) {
            out.printf(
                    "%s %s — 目标进展 goals as of %s (model v%d)%n",
                    campaign.id(),
                    campaign.name().zh(),
                    report.asOf(),
                    report.modelVersion().version());
            for (GoalProgress progress : report.progress()) {
                out.printf(
                        "%s %s  %s（%s）  %s %s%n",
                        progress.districtCode(),
                        district(progress.districtCode()),
                        progress.goal().name().zh(),
                        progress.goal().judgedOn(),
                        progress.status().nameZh(),
                        progress.status().nameEn());
                for (GoalMeasure measure : progress.measures()) {
                    out.printf(
                            "    %s = %s  (%s, %s – %s, as of %s)%n",
                            measure.code(),
                            measure.value() == null ? "—" : measure.value(),
                            measure.figure().code(),
                            measure.period().from(),
                            measure.period().to(),
                            measure.asOf());
                }
            }
        }

        Optional<LocalDate> asOfDay() {
            return Optional.ofNullable(asOf).map(GoalsSubcommand::date);
        }

        String district(String code) {
            return components
                    .reference()
                    .districts()
                    .byCode(code)
                    .map(d -> d.nameZh())
                    .orElse("");
        }

        static LocalDate date(String text) {
            try {
                return LocalDate.parse(text.strip());
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException(
                        "--as-of 应写作 YYYY-MM-DD：" + text + " / --as-of is written YYYY-MM-DD: " + text);
            }
        }
    }

    @Command(
            name = "list",
            mixinStandardHelpOptions = true,
            description = {"列出全部专项行动", "List every campaign (the primary one marked *)"})
    static final class ListCampaigns extends CampaignsSubcommand {
        ListCampaigns(Components components) {
            super(components);
        }

        @Override
        public Integer call() throws JsonProcessingException {
            CampaignCatalog catalog = components.campaigns();
            String primary = catalog.primary().id();
            if (format == Format.json) {
                json(catalog.all().stream()
                        .map(c -> CampaignBodies.Summary.of(c, c.id().equals(primary)))
                        .toList());
                return 0;
            }
            for (CampaignDefinition campaign : catalog.all()) {
                out().printf(
                                "%s %-22s %s – %s  %s（%s）%n",
                                campaign.id().equals(primary) ? "*" : " ",
                                campaign.id(),
                                campaign.period().from(),
                                campaign.period().to(),
                                campaign.name().zh(),
                                campaign.bureau().zh());
            }
            out().flush();
            return 0;
        }
    }

    @Command(
            name = "show",
            mixinStandardHelpOptions = true,
            description = {"查看一项专项行动的定义", "Show a campaign's definition"})
    static final class Show extends CampaignsSubcommand {
        @Parameters(paramLabel = "ID", description = "专项行动编号 Campaign id (see campaigns list)")
        String id;

        Show(Components components) {
            super(components);
        }

        @Override
        public Integer call() throws JsonProcessingException {
            CampaignCatalog catalog = components.campaigns();
            CampaignDefinition campaign = campaign(catalog, id);
            boolean primary = catalog.primary().id().equals(campaign.id());
            if (format == Format.json) {
                json(CampaignBodies.Detail.of(campaign, primary));
                return 0;
            }
            describe(out(), campaign);
            return 0;
        }
    }

    @Command(
            name = "check",
            mixinStandardHelpOptions = true,
            description = {
                "校验专项行动定义文件，并在仓库数据上计算其目标",
                "Check a campaign file (every problem with file, line and field), then evaluate its goals on the"
                        + " warehouse"
            })
    static final class Check extends GoalsSubcommand {
        @Parameters(paramLabel = "FILE", description = "定义文件 Campaign file (.yaml)")
        Path file;

        Check(Components components) {
            super(components);
        }

        @Override
        public Integer call() throws IOException {
            String text;
            try {
                text = Files.readString(file, StandardCharsets.UTF_8);
            } catch (NoSuchFileException e) {
                throw new IllegalArgumentException("找不到文件 " + file + " / No such file " + file);
            }
            CampaignDefinition campaign;
            try {
                campaign = new CampaignValidator()
                        .validated(new CampaignReader(components.reference()).read(file.toString(), text));
            } catch (CampaignFileException e) {
                var err = spec.commandLine().getErr();
                e.errors().forEach(error -> err.println(error.text()));
                err.printf(
                        "共 %d 处问题 / %d problem(s)%n",
                        e.errors().size(), e.errors().size());
                err.flush();
                return 1;
            }
            if (format == Format.text) {
                out().println("✓ " + file + ": 定义有效 / valid");
            }
            return printGoals(components.campaigns(), campaign);
        }
    }

    @Command(
            name = "goals",
            mixinStandardHelpOptions = true,
            description = {"专项行动目标进展（按县区）", "A campaign's goals per district, with the figures they are judged on"})
    static final class Goals extends GoalsSubcommand {
        @Parameters(paramLabel = "ID", description = "专项行动编号 Campaign id (see campaigns list)")
        String id;

        Goals(Components components) {
            super(components);
        }

        @Override
        public Integer call() throws JsonProcessingException {
            CampaignCatalog catalog = components.campaigns();
            return printGoals(catalog, campaign(catalog, id));
        }
    }

    @Command(
            name = "groups",
            mixinStandardHelpOptions = true,
            description = {
                "督查组：覆盖率（窗口内已督查/应督查）、回头看完成、每次督查发现隐患、未督查学校",
                "A campaign's supervision groups: coverage within the window, 回头看 completion, hazards per visit,"
                        + " schools never visited"
            })
    static final class Groups extends GoalsSubcommand {
        @Parameters(paramLabel = "ID", description = "专项行动编号 Campaign id (see campaigns list)")
        String id;

        Groups(Components components) {
            super(components);
        }

        @Override
        public Integer call() throws JsonProcessingException {
            CampaignCatalog catalog = components.campaigns();
            // --format json: as GET /api/v1/campaigns/{id}/groups
            return answer(
                    catalog,
                    campaign(catalog, id),
                    (figures, campaign, snapshot, day, districts) ->
                            new SupervisionGroupService(figures).groups(campaign, snapshot, day, districts),
                    (report, primary) -> CampaignDataBodies.GroupsBody.of(report),
                    this::print);
        }

        private void print(PrintWriter out, CampaignDefinition campaign, SupervisionReport report) {
            out.printf(
                    "%s %s — 督查组 supervision groups as of %s (model v%d)%n",
                    campaign.id(),
                    campaign.name().zh(),
                    report.asOf(),
                    report.modelVersion().version());
            for (GroupRound round : report.rounds()) {
                out.printf(
                        "%s（%s）%s %s – %s: 已督查 visited %d/%d%s;%s 发现隐患 hazards %d (%s per visit day)%n",
                        round.group().name().zh(),
                        round.group().leader(),
                        round.revisit() ? "回头看 revisit" : "督查 visit",
                        round.window().from(),
                        round.window().to(),
                        round.visited(),
                        round.assigned(),
                        round.coverage() == null ? "" : String.format(" = %.0f%%", round.coverage() * 100),
                        round.revisit()
                                ? String.format(" 回头看完成 revisited %d/%d;", round.revisited(), round.visitedBefore())
                                : "",
                        round.hazardsFound(),
                        round.hazardsPerVisit() == null ? "—" : String.format("%.2f", round.hazardsPerVisit()));
                if (!round.neverVisited().isEmpty()) {
                    out.printf(
                            "    未督查 not visited: %s%n",
                            round.neverVisited().stream()
                                    .map(GroupSchool::schoolName)
                                    .collect(Collectors.joining("、")));
                }
            }
        }
    }

    @Command(
            name = "returns",
            mixinStandardHelpOptions = true,
            description = {
                "报送情况：按报送周期逐校逐期 按时 / 零报告 / 逾期 / 未报送",
                "A campaign's returns per school and period by its cadence: on time, nil, late, missing"
            })
    static final class Returns extends GoalsSubcommand {
        @Parameters(paramLabel = "ID", description = "专项行动编号 Campaign id (see campaigns list)")
        String id;

        Returns(Components components) {
            super(components);
        }

        @Override
        public Integer call() throws JsonProcessingException {
            CampaignCatalog catalog = components.campaigns();
            // --format json: as GET /api/v1/campaigns/{id}/returns
            return answer(
                    catalog,
                    campaign(catalog, id),
                    (figures, campaign, snapshot, day, districts) ->
                            new ReturnsService(figures).returns(campaign, snapshot, day, districts),
                    (report, primary) -> CampaignDataBodies.ReturnsBody.of(report),
                    this::print);
        }

        private void print(PrintWriter out, CampaignDefinition campaign, ReturnsReport report) {
            out.printf(
                    "%s %s — 报送情况 returns as of %s (model v%d)%n",
                    campaign.id(),
                    campaign.name().zh(),
                    report.asOf(),
                    report.modelVersion().version());
            for (ReturnSchedule schedule : report.schedules()) {
                out.printf(
                        "%s %s（%s, %s）: %d 期 periods%n",
                        schedule.rule().id(),
                        schedule.rule().name().zh(),
                        schedule.rule().dataset().orElseThrow().directory(),
                        schedule.rule().cadence().code(),
                        schedule.periods().size());
                for (ReturnStatus status : ReturnStatus.values()) {
                    out.printf(
                            "    %s %s: %d%n",
                            status.nameZh(),
                            status.nameEn(),
                            schedule.withStatus(status).size());
                }
            }
            for (var rule : report.untracked()) {
                out.printf(
                        "%s %s: 书面报送，仓库中无数据 a written return the warehouse does not hold%n",
                        rule.id(), rule.name().zh());
            }
        }
    }

    private static void describe(PrintWriter out, CampaignDefinition campaign) {
        out.printf(
                "%s  %s / %s%n",
                campaign.id(), campaign.name().zh(), campaign.name().en());
        out.printf(
                "发布 Bureau: %s%s%n",
                campaign.bureau().zh(),
                campaign.document().map(d -> "（" + d + "）").orElse(""));
        out.printf("期间 Period: %s; 基准日 baseline: %s%n", campaign.period(), campaign.baseline());
        out.printf(
                "地区 Area: %s%s%n",
                campaign.area().districts().stream()
                        .map(d -> d.name().zh() + " " + d.code())
                        .collect(Collectors.joining(", ")),
                campaign.area().schools().isEmpty()
                        ? ""
                        : "; " + campaign.area().schools().size() + " 所学校 schools");
        for (Phase phase : campaign.phases()) {
            out.printf(
                    "阶段 Phase: %s – %s  %s / %s%n",
                    phase.dates().from(),
                    phase.dates().to(),
                    phase.name().zh(),
                    phase.name().en());
        }
        for (GoalDefinition goal : campaign.goals()) {
            out.printf(
                    "目标 Goal %s（%s）: %s — %s%n",
                    goal.id(), goal.judgedOn(), goal.name().zh(), goal.definition());
        }
        campaign.supervisionGroups()
                .forEach(group -> out.printf(
                        "督查组 Group: %s, 组长 %s, %d 所学校 schools, 督查 visits %s%n",
                        group.name().zh(), group.leader(), group.schools().size(), group.visitWindows()));
        campaign.returns()
                .forEach(rule -> out.printf(
                        "报送 Return: %s %s, %s%s%n",
                        rule.id(),
                        rule.name().zh(),
                        rule.cadence().code(),
                        rule.dataset().map(d -> ", " + d.directory()).orElse("")));
        out.flush();
    }
}
