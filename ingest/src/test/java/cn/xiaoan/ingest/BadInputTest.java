package cn.xiaoan.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.xiaoan.domain.Dataset;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BadInputTest {
    @TempDir
    Path temp;

    private IngestFixture fixture;

    @BeforeEach
    void setUp() {
        fixture = new IngestFixture(temp);
        fixture.ingestRegister();
    }

    @Test
    void refusesAnEmptyFile() {
        Path file = fixture.write("ledger.csv", "");

        assertThatThrownBy(() -> fixture.ingest(Dataset.LEDGER, file))
                .isInstanceOf(UnreadableFileException.class)
                .hasMessage("Cannot read ledger.csv: the file is empty (0 bytes); export the 隐患台账 (ledger) again");
    }

    @Test
    void acceptsAHeaderWithoutRowsAsAnEmptyBatch() {
        IngestResult result = fixture.ingest(Dataset.LEDGER, fixture.ledgerCsv("ledger.csv"));

        assertThat(result.read()).isZero();
        assertThat(result.accepted()).isZero();
        assertThat(fixture.query("SELECT count(*) AS n FROM ledger")).containsExactly(Map.of("n", 0L));
    }

    @Test
    void namesTheMissingColumnsAndWhatWasFound() {
        Path file = fixture.write("ledger.csv", "学校标识码,隐患描述,检查日期,备注\n1409020001,灭火器过期,2024-03-05,无\n");

        assertThatThrownBy(() -> fixture.ingest(Dataset.LEDGER, file))
                .isInstanceOf(UnreadableFileException.class)
                .hasMessage("Cannot read ledger.csv as 隐患台账 (ledger): the header row lacks required column(s)"
                        + " 隐患类别 (category), 隐患等级 (severity), 整改责任人 (responsible_person), 整改状态 (status); found"
                        + " columns 学校标识码, 隐患描述, 检查日期, 备注; add the missing columns or rename the headers (see"
                        + " docs/WAREHOUSE.md)");
    }

    @Test
    void refusesAFileWithoutAnyHeader() {
        Path file = fixture.write("notes.csv", "今天天气很好\n明天也很好\n");

        assertThatThrownBy(() -> fixture.ingest(Dataset.LEDGER, file))
                .isInstanceOf(UnreadableFileException.class)
                .hasMessage("Cannot read notes.csv: found no header row of the 隐患台账 (ledger) in its first 30 rows;"
                        + " expected headers such as 学校标识码, 检查日期, 隐患类别, 隐患描述, 隐患等级, 整改责任人, 整改状态 (Chinese or English);"
                        + " check that the file is a 隐患台账 (ledger) and has its header row");
    }

    @Test
    void readsEnglishHeaders() {
        Path file = fixture.write(
                "ledger.csv",
                "school_code,found_date,category,description,severity,responsible_person,status,deadline\n"
                        + "1409020001,2024-03-05,fire safety,Extinguisher expired,general,Zhang San,open,2024-03-20\n");

        IngestResult result = fixture.ingest(Dataset.LEDGER, file);

        assertThat(result.accepted()).isEqualTo(1);
        assertThat(fixture.query("SELECT category, severity, status FROM ledger"))
                .containsExactly(Map.of("category", "FIRE", "severity", "GENERAL", "status", "OPEN"));
    }

    @Test
    void refusesABinaryFileNamedXlsx() {
        byte[] noise = new byte[4096];
        new Random(7).nextBytes(noise);
        Path file = fixture.write("ledger.xlsx", noise);

        assertThatThrownBy(() -> fixture.ingest(Dataset.LEDGER, file))
                .isInstanceOf(UnreadableFileException.class)
                .hasMessage("Cannot read ledger.xlsx: it is named .xlsx but is not an XLSX workbook (its bytes are not"
                        + " a zip archive); open the original in Excel or WPS and save it again as .xlsx, or export it"
                        + " as CSV (UTF-8)");
    }

    @Test
    void refusesABinaryFileNamedCsv() {
        byte[] noise = new byte[4096];
        new Random(7).nextBytes(noise);
        Path file = fixture.write("ledger.csv", noise);

        assertThatThrownBy(() -> fixture.ingest(Dataset.LEDGER, file))
                .isInstanceOf(UnreadableFileException.class)
                .hasMessage("Cannot read ledger.csv: it is a binary file, not CSV, JSON or XLSX; upload the 隐患台账"
                        + " (ledger) as .xlsx, .csv or .json");
    }

    @Test
    void refusesAZipThatIsNotAWorkbook() throws Exception {
        var bytes = new java.io.ByteArrayOutputStream();
        try (var zip = new java.util.zip.ZipOutputStream(bytes)) {
            zip.putNextEntry(new java.util.zip.ZipEntry("readme.txt"));
            zip.write("hello".getBytes(StandardCharsets.UTF_8));
        }
        Path file = fixture.write("ledger.xlsx", bytes.toByteArray());

        assertThatThrownBy(() -> fixture.ingest(Dataset.LEDGER, file))
                .isInstanceOf(UnreadableFileException.class)
                .hasMessage("Cannot read ledger.xlsx: it is a zip archive but not an XLSX workbook (no"
                        + " xl/workbook.xml); save the ledger as .xlsx from Excel or WPS, or export it as CSV (UTF-8)");
    }

    @Test
    void refusesMalformedJsonArraysWithThePosition() {
        Path file = fixture.write("ledger.json", "[{\"school_code\": \"1409020001\", \"description\": }]");

        assertThatThrownBy(() -> fixture.ingest(Dataset.LEDGER, file))
                .isInstanceOf(UnreadableFileException.class)
                .hasMessageStartingWith("Cannot read ledger.json: it is not valid JSON at line 1, column ")
                .hasMessageEndingWith("; fix the file or export it again as a JSON array of objects or JSON Lines");
    }

    @Test
    void readsEachLineOfAFileWithMixedEncodings() {
        String header = String.join(",", IngestFixture.LEDGER_HEADER) + "\n";
        String utf8Row = "U-1,1409020001,忻府区第一中学,2024-03-05,自查,王明,消防安全,宿舍,灭火器过期,一般隐患,更换,,张三,2024-03-20,未整改,,\n";
        String gbkRow = "G-1,1409020002,忻府区实验小学,2024-03-06,督查,李四,食品安全,食堂,健康证过期,一般隐患,补办,,赵六,2024-03-20,未整改,,\n";
        var bytes = new java.io.ByteArrayOutputStream();
        bytes.writeBytes(header.getBytes(StandardCharsets.UTF_8));
        bytes.writeBytes(utf8Row.getBytes(StandardCharsets.UTF_8));
        bytes.writeBytes(gbkRow.getBytes(Charset.forName("GBK")));
        Path file = fixture.write("mixed.csv", bytes.toByteArray());

        IngestResult result = fixture.ingest(Dataset.LEDGER, file);

        assertThat(result.accepted()).isEqualTo(2);
        assertThat(fixture.query("SELECT hazard_id, school_name, description FROM ledger ORDER BY hazard_id"))
                .containsExactly(
                        Map.of("hazard_id", "G-1", "school_name", "忻府区实验小学", "description", "健康证过期"),
                        Map.of("hazard_id", "U-1", "school_name", "忻府区第一中学", "description", "灭火器过期"));
    }

    @Test
    void survivesAnUnterminatedQuoteWithBoundedMemory() {
        String header = String.join(",", IngestFixture.LEDGER_HEADER) + "\n";
        String good = "YH-1,1409020001,忻府区第一中学,2024-03-05,自查,王明,消防安全,宿舍,灭火器过期,一般隐患,更换,,张三,2024-03-20,未整改,,\n";
        String runaway = "YH-2,1409020001,忻府区第一中学,2024-03-05,自查,王明,消防安全,宿舍,\"" + "x".repeat(5_000_000) + "\n";
        Path file = fixture.write("ledger.csv", header + good + runaway);

        IngestResult result = fixture.ingest(Dataset.LEDGER, file);

        assertThat(result.accepted()).isEqualTo(1);
        assertThat(result.rejected()).isEqualTo(1);
        assertThat(IngestFixture.rejects(result))
                .extracting(reject -> reject.get("column"))
                .contains("隐患描述");
    }
}
