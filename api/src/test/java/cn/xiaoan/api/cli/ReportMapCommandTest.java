package cn.xiaoan.api.cli;

import static org.assertj.core.api.Assertions.assertThat;

import cn.xiaoan.analytics.fixture.TwoDistrictModel;
import cn.xiaoan.api.XiaoanCommand;
import cn.xiaoan.domain.Warehouse;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code xiaoan report campaign} puts the county map into the city's document, as the HTTP download does. */
class ReportMapCommandTest {
    private final Components components = Components.fromEnvironment(Map.of());

    @TempDir
    Path root;

    @Test
    void writesTheCountyMapIntoTheCitysCampaignReportButNotADistricts() throws Exception {
        Warehouse warehouse = TwoDistrictModel.build(new Warehouse(root.resolve("warehouse")));
        Path city = root.resolve("city.docx");
        Path district = root.resolve("xinfu.docx");

        run(
                "report",
                "campaign",
                "--out",
                city.toString(),
                "--warehouse",
                warehouse.root().toString());
        run(
                "report",
                "campaign",
                "--district",
                TwoDistrictModel.XINFU,
                "--out",
                district.toString(),
                "--warehouse",
                warehouse.root().toString());

        try (InputStream in = Files.newInputStream(city);
                var doc = new XWPFDocument(in)) {
            assertThat(doc.getAllPictures()).hasSize(1);
            assertThat(new XWPFWordExtractor(doc).getText()).contains("图　各县区重大隐患未整改分布");
        }
        try (InputStream in = Files.newInputStream(district);
                var doc = new XWPFDocument(in)) {
            assertThat(doc.getAllPictures()).isEmpty();
        }
    }

    private void run(String... args) {
        var out = new StringWriter();
        var err = new StringWriter();
        var commandLine = XiaoanCommand.commandLine(components);
        commandLine.setOut(new PrintWriter(out));
        commandLine.setErr(new PrintWriter(err));
        assertThat(commandLine.execute(args)).as(err.toString()).isZero();
    }
}
