package cn.xiaoan.api.cli;

import cn.xiaoan.generate.CampaignGenerator;
import cn.xiaoan.generate.GenerationSummary;
import cn.xiaoan.generate.Generator;
import cn.xiaoan.generate.GeneratorOptions;
import cn.xiaoan.generate.OutputFormat;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code xiaoan generate}: deterministic demo and test data for every dataset. */
@Command(
        name = "generate",
        mixinStandardHelpOptions = true,
        description = {
            "生成演示数据：学校名册、隐患台账快照、检查记录、安防设施调查、演练记录（同一种子生成相同字节）",
            "Generate deterministic data for every dataset (same seed, same bytes)"
        })
public final class GenerateCommand implements Callable<Integer> {
    private final Components components;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    WarehouseOption warehouseOption;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "输出目录 Output directory")
    Path out;

    @Option(
            names = "--schools",
            defaultValue = "900",
            description = "学校数 Number of schools (default: ${DEFAULT-VALUE})")
    int schools;

    @Option(
            names = "--hazards",
            defaultValue = "100000",
            description = "隐患数（去重）Number of unique hazards (default: ${DEFAULT-VALUE})")
    long hazards;

    @Option(names = "--seed", defaultValue = "2024", description = "随机种子 Random seed (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(
            names = "--formats",
            split = ",",
            defaultValue = "csv",
            paramLabel = "csv,xlsx,json",
            description = "输出格式 Output formats (default: ${DEFAULT-VALUE})")
    List<String> formats;

    @Option(
            names = "--campaign",
            paramLabel = "ID",
            description = {
                "为该专项行动生成其范围和期间内的数据（名册、台账报送、督查、演练、调查；见 campaigns list）",
                "Generate that campaign's data in its own area and period (register, ledger returns, supervision,"
                        + " drills, surveys; see campaigns list); --schools, --hazards and --formats do not apply"
            })
    String campaign;

    @Option(
            names = "--as-of",
            paramLabel = "DATE",
            description = "与 --campaign 同用：截至日期（默认今天）With --campaign: nothing dated after this day (default today)")
    java.time.LocalDate asOf;

    GenerateCommand(Components components) {
        this.components = components;
    }

    @Override
    public Integer call() throws Exception {
        if (campaign != null) {
            return generateCampaign();
        }
        GenerationSummary summary;
        try (var progress = TerminalProgress.start("generate", hazards, spec)) {
            summary = generate(
                    components, new GeneratorOptions(out, schools, hazards, seed, parseFormats(formats)), progress);
        }
        var writer = CliOutput.summary(spec);
        writer.printf(
                "已生成 %d 项隐患（台账 %d 行）于 %s，用时 %.1f s / generated %d hazards (%d ledger rows) in %s%n",
                summary.hazards(),
                summary.ledgerRows(),
                out,
                summary.elapsed().toMillis() / 1000.0,
                summary.hazards(),
                summary.ledgerRows(),
                out);
        summary.files()
                .forEach(file -> writer.printf(
                        "  %-11s %-5s %8d  %s%n", file.dataset().directory(), file.format(), file.rows(), file.path()));
        return 0;
    }

    private int generateCampaign() throws Exception {
        var definition = components
                .campaigns()
                .byId(campaign)
                .orElseThrow(() -> new IllegalArgumentException(
                        "没有专项行动 " + campaign + " / No campaign " + campaign + "; see bin/xiaoan campaigns list"));
        java.time.LocalDate day = asOf != null ? asOf : java.time.LocalDate.now(components.clock());
        CampaignGenerator.Result result =
                new CampaignGenerator(components.reference()).generate(CampaignPlans.of(definition), day, seed, out);
        var writer = CliOutput.summary(spec);
        writer.printf(
                "已为专项行动 %s 生成 %d 所学校、%d 项隐患、%d 个文件于 %s（导入顺序见 %s）"
                        + " / generated %d schools, %d hazards and %d files for campaign %s in %s (ingest order in %s)%n",
                campaign,
                result.schools(),
                result.hazards(),
                result.files().size(),
                out,
                result.manifest().getFileName(),
                result.schools(),
                result.hazards(),
                result.files().size(),
                campaign,
                out,
                result.manifest().getFileName());
        return 0;
    }

    static GenerationSummary generate(Components components, GeneratorOptions options, TerminalProgress progress)
            throws Exception {
        return new Generator(components.reference()).generate(options, progress::stepTo);
    }

    static EnumSet<OutputFormat> parseFormats(List<String> names) {
        var formats = EnumSet.noneOf(OutputFormat.class);
        for (String name : names) {
            try {
                formats.add(OutputFormat.valueOf(name.strip().toUpperCase(java.util.Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(
                        "Cannot generate format \"" + name + "\": expected csv, xlsx or json", e);
            }
        }
        return formats;
    }
}
