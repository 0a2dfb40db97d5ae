package cn.xiaoan.api.cli;

import cn.xiaoan.domain.Dataset;
import cn.xiaoan.domain.District;
import cn.xiaoan.ingest.TemplateScope;
import cn.xiaoan.ingest.UploadTemplate;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code xiaoan template DATASET}: the blank workbook a clerk fills, as {@code GET /api/v1/templates} gives it. */
@Command(
        name = "template",
        mixinStandardHelpOptions = true,
        description = {
            "生成导入模板：标题行、填报单位/填报日期、导入可识别的表头、下拉选项（类别、等级、状态、检查方式、本辖区学校）、日期格式列和填表说明",
            "Write a blank upload template: title rows, the headers ingest accepts, drop-down lists (categories,"
                    + " severities, statuses, inspection types, the district's schools), date columns and a"
                    + " 填表说明 instructions sheet"
        })
public final class TemplateCommand implements Callable<Integer> {
    private final Components components;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    WarehouseOption warehouseOption;

    @Parameters(
            index = "0",
            paramLabel = "DATASET",
            description = "数据集 Dataset: schools, ledger, inspections, surveys, drills")
    String dataset;

    @Option(
            names = "--out",
            paramLabel = "FILE",
            description = "输出文件 The workbook to write (default: e.g. 隐患台账-导入模板.xlsx in the current directory)")
    Path out;

    @Option(
            names = "--district",
            paramLabel = "CODE",
            description = "县区代码：下拉列表只列该县区在学校名册中的学校 District code: list only its registered schools"
                    + " (default: every registered school)")
    String district;

    @Option(names = "--force", description = "覆盖已存在的文件 Replace the file if it exists")
    boolean force;

    TemplateCommand(Components components) {
        this.components = components;
    }

    @Override
    public Integer call() throws Exception {
        Dataset target = Dataset.fromDirectory(dataset);
        TemplateScope scope = TemplateScope.fromRegister(
                components.warehouse(warehouseOption.warehouse),
                components.reference(),
                Optional.ofNullable(district).map(String::strip));
        Path file = out != null ? out : Path.of(UploadTemplate.fileName(target));
        if (Files.exists(file) && !force) {
            throw new FileAlreadyExistsException(
                    file.toString(), null, "文件已存在，加 --force 覆盖 / the file exists; add --force to replace it");
        }
        Path absolute = file.toAbsolutePath();
        Files.createDirectories(absolute.getParent());
        // written beside the target and moved into place: an interrupted run leaves no half workbook (a temp file
        // would also get owner-only permissions, where the clerk expects an ordinary file)
        Path temporary = absolute.resolveSibling("." + absolute.getFileName() + ".part");
        try {
            try (OutputStream stream = Files.newOutputStream(temporary)) {
                new UploadTemplate(components.reference()).write(target, scope, stream);
            }
            Files.move(temporary, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temporary);
        }
        PrintWriter printed = CliOutput.summary(spec);
        String area = scope.district().map(District::nameZh).orElse("全部县区");
        String areaEn = scope.district().map(District::nameEn).orElse("every district");
        printed.printf(
                "已生成%s导入模板 %s（%s，下拉列表含 %d 所学校） / wrote the %s template %s (%s, %d schools in its lists)%n",
                target.nameZh(),
                file,
                area,
                scope.schools().size(),
                target.directory(),
                file,
                areaEn,
                scope.schools().size());
        if (scope.schools().isEmpty() && target != Dataset.SCHOOLS) {
            printed.println("提示：仓库中还没有该范围的学校名册，学校列没有下拉列表 / note: no school register for this area in the"
                    + " warehouse yet, so the school columns have no list");
        }
        return 0;
    }
}
