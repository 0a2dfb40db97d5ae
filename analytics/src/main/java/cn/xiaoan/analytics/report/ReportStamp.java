package cn.xiaoan.analytics.report;

import static java.util.Objects.requireNonNull;

import cn.xiaoan.analytics.figure.Knowledge;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.poi.ooxml.POIXMLProperties;
import org.openxmlformats.schemas.officeDocument.x2006.customProperties.CTProperty;

/**
 * What a report was computed from, written into its document properties (DOCX and XLSX custom properties, named
 * {@code xiaoan.*}): the model version and its batches, the knowledge time, the request and the day it was generated.
 * With it the same report can be written again byte for byte, and {@code xiaoan report verify} can recompute it.
 */
public record ReportStamp(
        long modelVersion,
        List<Long> batchIds,
        Instant builtAt,
        Knowledge knowledge,
        ReportRequest request,
        LocalDate generatedOn) {
    /** Bumped when the stamp's meaning changes; verify refuses a format it does not know. */
    static final String FORMAT = "1";

    private static final String PREFIX = "xiaoan.";

    public ReportStamp {
        batchIds = List.copyOf(batchIds);
        requireNonNull(builtAt, "builtAt");
        requireNonNull(knowledge, "knowledge");
        requireNonNull(request, "request");
        requireNonNull(generatedOn, "generatedOn");
    }

    public static ReportStamp of(ReportData data) {
        return new ReportStamp(
                data.modelVersion().version(),
                data.modelVersion().batchIds(),
                data.modelVersion().builtAt(),
                data.modelVersion().knowledge(),
                data.request(),
                data.generatedOn());
    }

    /** The properties in a fixed order, so the package's bytes do not depend on a map's iteration. */
    Map<String, String> properties() {
        var properties = new LinkedHashMap<String, String>();
        properties.put("stamp", FORMAT);
        properties.put("modelVersion", Long.toString(modelVersion));
        properties.put(
                "batchIds",
                String.join(",", batchIds.stream().map(String::valueOf).toList()));
        properties.put("builtAt", builtAt.toString());
        properties.put("knownAt", knowledge.knownAt().map(Instant::toString).orElse(""));
        properties.put(
                "reportedBy", knowledge.reportedBy().map(LocalDate::toString).orElse(""));
        properties.put("kind", request.kind().code());
        properties.put("year", Integer.toString(request.year()));
        properties.put("month", request.month().map(YearMonth::toString).orElse(""));
        properties.put("district", request.district().orElse(""));
        properties.put("format", request.format().code());
        properties.put("campaign", request.campaign().orElse(""));
        properties.put("generatedOn", generatedOn.toString());
        return properties;
    }

    void writeTo(POIXMLProperties document) {
        POIXMLProperties.CustomProperties custom = document.getCustomProperties();
        properties().forEach((name, value) -> custom.addProperty(PREFIX + name, value));
        // the package's times are set to the generation day by ReportPackage once written
        document.getCoreProperties().setCreator("xiaoan");
    }

    /** The stamp of a document xiaoan wrote, or empty when it has none. */
    public static Optional<ReportStamp> readFrom(POIXMLProperties document) {
        POIXMLProperties.CustomProperties custom = document.getCustomProperties();
        if (!custom.contains(PREFIX + "stamp")) {
            return Optional.empty();
        }
        String format = text(custom, "stamp");
        if (!FORMAT.equals(format)) {
            throw new IllegalArgumentException("The report's stamp is of format " + format
                    + "; this xiaoan reads format " + FORMAT + " / 报告印记格式不受支持");
        }
        List<Long> batchIds = text(custom, "batchIds").isEmpty()
                ? List.of()
                : Arrays.stream(text(custom, "batchIds").split(","))
                        .map(Long::parseLong)
                        .toList();
        var knowledge = new Knowledge(
                optional(custom, "knownAt").map(Instant::parse),
                optional(custom, "reportedBy").map(LocalDate::parse));
        var request = new ReportRequest(
                ReportKind.fromCode(text(custom, "kind")),
                Integer.parseInt(text(custom, "year")),
                optional(custom, "month").map(YearMonth::parse),
                optional(custom, "district"),
                ReportFormat.fromCode(text(custom, "format")),
                optional(custom, "campaign"));
        return Optional.of(new ReportStamp(
                Long.parseLong(text(custom, "modelVersion")),
                batchIds,
                Instant.parse(text(custom, "builtAt")),
                knowledge,
                request,
                LocalDate.parse(text(custom, "generatedOn"))));
    }

    private static Optional<String> optional(POIXMLProperties.CustomProperties custom, String name) {
        return Optional.of(text(custom, name)).filter(value -> !value.isEmpty());
    }

    private static String text(POIXMLProperties.CustomProperties custom, String name) {
        CTProperty property = custom.getProperty(PREFIX + name);
        if (property == null || !property.isSetLpwstr()) {
            throw new IllegalArgumentException(
                    "The report's stamp lacks " + PREFIX + name + " / 报告印记缺少 " + PREFIX + name);
        }
        return property.getLpwstr();
    }
}
