package cn.xiaoan.ingest;

import static java.util.Objects.requireNonNull;

import cn.xiaoan.domain.Dataset;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * The record of one committed batch, {@code manifest/batch-<id>.json}; its presence is what makes a batch visible.
 * {@code fileBytes} is the submitted file's size, or -1 for batches recorded before sizes were. {@code sameRowsAs} names
 * the batch whose Parquet rows this one shares: the same bytes re-sent for another report date are recorded as a
 * batch of their own (a submission for that date) without a second copy of the rows. {@code reportingUnit} is the
 * file's 填报单位 (a school's name or code), which names the school of a nil return (零报告: headers and no rows).
 */
record Manifest(
        long batchId,
        Dataset dataset,
        String fileName,
        String sha256,
        long fileBytes,
        LocalDate reportDate,
        ReportDateSource reportDateSource,
        OffsetDateTime ingestedAt,
        String sheet,
        long rowsRead,
        long rowsAccepted,
        long rowsRejected,
        long rowsWarned,
        Submitter submitter,
        Optional<Long> sameRowsAs,
        Optional<String> reportingUnit) {
    static final int FORMAT_VERSION = 1;

    Manifest {
        requireNonNull(dataset, "dataset");
        requireNonNull(fileName, "fileName");
        requireNonNull(sha256, "sha256");
        requireNonNull(reportDate, "reportDate");
        requireNonNull(reportDateSource, "reportDateSource");
        requireNonNull(ingestedAt, "ingestedAt");
        requireNonNull(sheet, "sheet");
        requireNonNull(submitter, "submitter");
        requireNonNull(sameRowsAs, "sameRowsAs");
        requireNonNull(reportingUnit, "reportingUnit");
    }

    ObjectNode toJson(ObjectMapper mapper) {
        ObjectNode json = mapper.createObjectNode();
        json.put("format_version", FORMAT_VERSION);
        json.put("batch_id", batchId);
        json.put("dataset", dataset.directory());
        json.put("file_name", fileName);
        json.put("sha256", sha256);
        json.put("file_bytes", fileBytes);
        json.put("report_date", reportDate.toString());
        json.put("report_date_source", reportDateSource.name());
        json.put("ingested_at", ingestedAt.toString());
        json.put("sheet", sheet);
        json.put("rows_read", rowsRead);
        json.put("rows_accepted", rowsAccepted);
        json.put("rows_rejected", rowsRejected);
        json.put("rows_warned", rowsWarned);
        json.put("submitted_by", submitter.name());
        submitter.district().ifPresent(district -> json.put("submitter_district", district));
        sameRowsAs.ifPresent(batch -> json.put("same_rows_as", batch));
        reportingUnit.ifPresent(unit -> json.put("reporting_unit", unit));
        return json;
    }

    static Manifest fromJson(JsonNode json) {
        return new Manifest(
                json.get("batch_id").asLong(),
                Dataset.fromDirectory(json.get("dataset").asText()),
                json.get("file_name").asText(),
                json.get("sha256").asText(),
                json.path("file_bytes").asLong(-1),
                LocalDate.parse(json.get("report_date").asText()),
                ReportDateSource.valueOf(json.get("report_date_source").asText()),
                OffsetDateTime.parse(json.get("ingested_at").asText()),
                json.path("sheet").asText(""),
                json.get("rows_read").asLong(),
                json.get("rows_accepted").asLong(),
                json.get("rows_rejected").asLong(),
                json.get("rows_warned").asLong(),
                // manifests written before submitters were recorded came from the command line
                new Submitter(
                        json.path("submitted_by").asText(Submitter.COMMAND_LINE),
                        Optional.ofNullable(json.path("submitter_district").textValue())),
                json.hasNonNull("same_rows_as")
                        ? Optional.of(json.get("same_rows_as").asLong())
                        : Optional.empty(),
                // manifests written before reporting units were recorded have none
                Optional.ofNullable(json.path("reporting_unit").textValue()));
    }

    /** The batch whose Parquet parts hold this batch's rows: itself, or the one it shares them with. */
    long rowsBatchId() {
        return sameRowsAs.orElse(batchId);
    }
}
