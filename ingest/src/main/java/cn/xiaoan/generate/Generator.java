package cn.xiaoan.generate;

import static java.util.Objects.requireNonNull;

import cn.xiaoan.domain.ReferenceData;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The deterministic demo data generator: a school register, half-yearly hazard ledger snapshots, an inspection log,
 * facility surveys and drill records, in CSV, XLSX and/or JSON Lines, plus {@code generated.json} listing the files
 * in ingest order. Same options, same bytes; memory does not grow with the number of hazards.
 */
public final class Generator {
    /** The file listing what a run wrote, in the output directory. */
    public static final String MANIFEST = "generated.json";

    private final ReferenceData reference;
    private final int maxXlsxRows;

    public Generator(ReferenceData reference) {
        this(reference, XlsxSink.MAX_SHEET_ROWS - XlsxSink.LAYOUT_ROWS);
    }

    /** With a smaller sheet size, so tests can see a ledger split over several workbooks. */
    Generator(ReferenceData reference, int maxXlsxRows) {
        this.reference = requireNonNull(reference, "reference");
        this.maxXlsxRows = maxXlsxRows;
    }

    public GenerationSummary generate(GeneratorOptions options, GeneratorProgress progress) throws IOException {
        requireNonNull(options, "options");
        requireNonNull(progress, "progress");
        long started = System.nanoTime();
        Path out = options.out();
        Files.createDirectories(out);
        var panel = SchoolPanel.select(reference, options.schools(), options.seed());
        var model = new HazardModel(panel, options.seed(), options.hazards());
        var names = LedgerWriter.Names.of(reference.taxonomy());
        var returns = new ReturnsWriter(model, options.seed(), names.inspectionTypes());
        var ledger = new LedgerWriter(model, names);
        var sinks = new SinkFactory(out, options.formats(), maxXlsxRows);
        var files = new ArrayList<GeneratedFile>();

        try (RowSink sink = sinks.open(TableLayout.SCHOOLS, "schools", null)) {
            returns.writeSchools(sink, progress);
            files.addAll(sink.commit());
        }
        long ledgerRows = 0;
        for (int k = 0; k < DemoCalendar.REPORT_DATES.size(); k++) {
            LocalDate reportDate = DemoCalendar.REPORT_DATES.get(k);
            try (RowSink sink = sinks.open(TableLayout.LEDGER, "ledger-" + reportDate, reportDate)) {
                ledgerRows += ledger.write(k, sink, progress);
                files.addAll(sink.commit());
            }
        }
        try (RowSink sink = sinks.open(TableLayout.INSPECTIONS, "inspections", null)) {
            returns.writeInspections(sink, progress);
            files.addAll(sink.commit());
        }
        try (RowSink sink = sinks.open(TableLayout.SURVEYS, "surveys", null)) {
            returns.writeSurveys(sink, progress);
            files.addAll(sink.commit());
        }
        try (RowSink sink = sinks.open(TableLayout.DRILLS, "drills", null)) {
            returns.writeDrills(sink, progress);
            files.addAll(sink.commit());
        }
        files.sort(Comparator.comparing(GeneratedFile::dataset)
                .thenComparing(file -> file.reportDate() == null ? LocalDate.MIN : file.reportDate())
                .thenComparing(GeneratedFile::format)); // stable: parts stay in order
        writeManifest(out, options, files, ledgerRows);
        return new GenerationSummary(
                files, options.hazards(), ledgerRows, Duration.ofNanos(System.nanoTime() - started));
    }

    /** {@code generated.json}: the options and the files in ingest order (no times or absolute paths: deterministic). */
    private static void writeManifest(Path out, GeneratorOptions options, List<GeneratedFile> files, long ledgerRows)
            throws IOException {
        var mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = mapper.createObjectNode();
        ObjectNode optionsNode = root.putObject("options");
        optionsNode.put("schools", options.schools());
        optionsNode.put("hazards", options.hazards());
        optionsNode.put("seed", options.seed());
        ArrayNode formats = optionsNode.putArray("formats");
        options.formats().stream().sorted().forEach(format -> formats.add(format.name()));
        ArrayNode reportDates = root.putArray("report_dates");
        DemoCalendar.REPORT_DATES.forEach(date -> reportDates.add(date.toString()));
        root.put("hazards", options.hazards());
        root.put("ledger_rows", ledgerRows);
        ArrayNode list = root.putArray("files");
        for (GeneratedFile file : files) {
            ObjectNode node = list.addObject();
            node.put("dataset", file.dataset().code());
            node.put("format", file.format().name());
            node.put("file", out.relativize(file.path()).toString());
            node.put(
                    "report_date",
                    file.reportDate() == null ? null : file.reportDate().toString());
            node.put("rows", file.rows());
        }
        var target = new AtomicFile(out.resolve(MANIFEST));
        try (OutputStream stream = Files.newOutputStream(target.temporary())) {
            mapper.writeValue(stream, root);
        } catch (IOException | RuntimeException e) {
            target.abort();
            throw e;
        }
        target.commit();
    }
}
