package cn.xiaoan.api.cli;

import static org.assertj.core.api.Assertions.assertThat;

import cn.xiaoan.api.XiaoanCommand;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TemplateCommandTest {
    @TempDir
    Path temp;

    private final Components components = Components.fromEnvironment(Map.of());

    record Run(int exit, String out, String err) {}

    @Test
    void writesTheDistrictsTemplateAndNeverOverwritesWithoutForce() throws Exception {
        Path register = Path.of(
                TemplateCommandTest.class.getResource("/cli/schools.csv").toURI());
        assertThat(run("ingest", "--dataset", "schools", register.toString()).exit())
                .isZero();
        Path file = temp.resolve("out").resolve("忻府区台账模板.xlsx");

        Run written = run("template", "ledger", "--district", "140902", "--out", file.toString());

        assertThat(written.exit()).as(written.err()).isZero();
        assertThat(written.out()).contains("忻府区").contains("wrote the ledger template");
        try (InputStream in = Files.newInputStream(file);
                var workbook = new XSSFWorkbook(in)) {
            assertThat(workbook.getSheetAt(0).getRow(0).getCell(0).getStringCellValue())
                    .isEqualTo("忻府区学校安全隐患排查整治台账");
            assertThat(workbook.getName("list_own_school_code")).isNotNull();
        }

        Run again = run("template", "ledger", "--district", "140902", "--out", file.toString());
        assertThat(again.exit()).isNotZero();
        assertThat(again.err()).contains("--force");
        assertThat(run("template", "ledger", "--district", "140902", "--out", file.toString(), "--force")
                        .exit())
                .isZero();
        assertThat(temp.resolve("out")).isDirectoryNotContaining("glob:**/*.part");
    }

    @Test
    void refusesAnUnknownDistrictOrDatasetWithWhatIsExpected() {
        Run district = run(
                "template",
                "ledger",
                "--district",
                "999999",
                "--out",
                temp.resolve("x.xlsx").toString());
        assertThat(district.exit()).isNotZero();
        assertThat(district.err()).contains("999999").contains("unknown district code");

        Run dataset = run("template", "weather", "--out", temp.resolve("y.xlsx").toString());
        assertThat(dataset.exit()).isNotZero();
        assertThat(dataset.err()).contains("schools, ledger");
        assertThat(temp.resolve("x.xlsx")).doesNotExist();
    }

    private Run run(String... arguments) {
        var out = new StringWriter();
        var err = new StringWriter();
        var commandLine = XiaoanCommand.commandLine(components);
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        List<String> all = new ArrayList<>(List.of(arguments));
        all.add("--warehouse");
        all.add(temp.resolve("warehouse").toString());
        return new Run(commandLine.execute(all.toArray(String[]::new)), out.toString(), err.toString());
    }
}
