package cn.xiaoan.api.cli;

import static org.assertj.core.api.Assertions.assertThat;

import cn.xiaoan.analytics.build.ModelBuilder;
import cn.xiaoan.analytics.fixture.RawDuty;
import cn.xiaoan.analytics.fixture.RawHazard;
import cn.xiaoan.analytics.fixture.RawWarehouseFixture;
import cn.xiaoan.analytics.fixture.ReferenceGridFixture;
import cn.xiaoan.api.XiaoanCommand;
import cn.xiaoan.domain.Warehouse;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code xiaoan export responsibility-list}: the 整改责任清单 written as the API writes it. */
class ExportCommandTest {
    @TempDir
    Path root;

    private final Components components = Components.fromEnvironment(Map.of());

    record Run(int exit, String out, String err) {}

    @BeforeEach
    void buildModel() {
        var warehouse = new Warehouse(root.resolve("warehouse"));
        ReferenceGridFixture.write(new RawWarehouseFixture(warehouse), components.reference())
                .ledger(
                        3,
                        ReferenceGridFixture.REPORT_DATE,
                        List.of(RawHazard.open("D-1", "1409020001", "FIRE", "MAJOR", "2026-10-01", null)),
                        List.of(RawDuty.listed("县教育局后勤科", "市教育局", "2026-10-05")));
        new ModelBuilder(warehouse).build();
    }

    @Test
    void writesTheListedHazardsAsACsvWithChineseHeadings() throws Exception {
        Path out = root.resolve("清单.csv");

        Run run = export("--out", out.toString(), "--supervised", "--district", "140902");

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("整改责任清单 1 项").contains(out.toString());
        List<String> lines = new ArrayList<>();
        for (String line :
                Files.readString(out, StandardCharsets.UTF_8).substring(1).split("\r\n")) {
            if (!line.startsWith("#")) {
                lines.add(line);
            }
        }
        assertThat(lines.get(0)).startsWith("序号,县区,学校名称,学校标识码,隐患编号,");
        assertThat(lines).hasSize(2);
        assertThat(lines.get(1))
                .startsWith("1,忻府区,")
                .contains(",D-1,")
                .contains(",县教育局后勤科,")
                .contains(",是,市教育局,2026-10-05");
        assertThat(root).isDirectoryNotContaining("glob:**.part");
        assertThat(Files.readString(out, StandardCharsets.UTF_8))
                .contains("# 查询 Request: xiaoan export responsibility-list --warehouse ");
    }

    @Test
    void writesAWorkbookInEnglishOfEveryOpenHazard() throws Exception {
        Path out = root.resolve("list.xlsx");

        Run run = export("--out", out.toString(), "--lang", "en", "--as-of", ReferenceGridFixture.REPORT_DATE);

        assertThat(run.exit()).as(run.err()).isZero();
        try (var workbook = new XSSFWorkbook(Files.newInputStream(out))) {
            var data = workbook.getSheetAt(0);
            assertThat(data.getRow(0).getCell(11).getStringCellValue()).isEqualTo("Responsible unit");
            assertThat(data.getLastRowNum()).isGreaterThan(100);
        }
    }

    @Test
    void refusesAnUnknownStatusAndExplainsItself() {
        Run bad = export("--out", root.resolve("x.csv").toString(), "--status", "DONE");
        assertThat(bad.exit()).isNotZero();
        assertThat(bad.err()).contains("DONE").contains("OPEN,IN_PROGRESS,RECTIFIED,CLOSED");
        assertThat(root.resolve("x.csv")).doesNotExist();

        Run help = export("--help");
        assertThat(help.exit()).isZero();
        assertThat(help.out()).contains("整改责任清单").contains("--supervised").contains("--lang");
    }

    private Run export(String... arguments) {
        var out = new StringWriter();
        var err = new StringWriter();
        var commandLine = XiaoanCommand.commandLine(components);
        commandLine.setOut(new PrintWriter(out));
        commandLine.setErr(new PrintWriter(err));
        List<String> all = new ArrayList<>(List.of("export", "responsibility-list"));
        if (!List.of(arguments).contains("--help")) {
            all.addAll(List.of("--warehouse", root.resolve("warehouse").toString()));
        }
        all.addAll(List.of(arguments));
        int exit = commandLine.execute(all.toArray(String[]::new));
        return new Run(exit, out.toString(), err.toString());
    }
}
