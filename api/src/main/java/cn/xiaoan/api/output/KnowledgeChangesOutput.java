package cn.xiaoan.api.output;

import cn.xiaoan.analytics.build.BatchChange;
import cn.xiaoan.analytics.figure.Dimension;
import cn.xiaoan.analytics.figure.FigureChange;
import cn.xiaoan.analytics.figure.FigureTable;
import cn.xiaoan.analytics.figure.Knowledge;
import cn.xiaoan.analytics.service.KnowledgeComparison;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The one wire form of "what changed between two knowledge times", shared by {@code xiaoan figures --known-at K
 * --compare-known-at L} and {@code GET /api/v1/figures/changes}: both stamps, every figure of every breakdown cell
 * that differs (earlier, later, change), and the batches responsible.
 */
public final class KnowledgeChangesOutput {
    private KnowledgeChangesOutput() {}

    public static Map<String, Object> json(KnowledgeComparison.Result result, List<BatchChange> batches) {
        var document = new LinkedHashMap<String, Object>();
        document.put("later", side(result.later()));
        document.put("earlier", side(result.earlier()));
        document.put(
                "period",
                Map.of(
                        "from",
                        result.later().period().from().toString(),
                        "to",
                        result.later().period().to().toString()));
        document.put("asOf", result.later().asOf().toString());
        document.put("by", result.later().by().stream().map(Dimension::code).toList());
        var changes = new ArrayList<Map<String, Object>>();
        for (KnowledgeComparison.Difference difference : result.differences()) {
            var change = new LinkedHashMap<String, Object>();
            for (int i = 0; i < result.later().by().size(); i++) {
                change.put(result.later().by().get(i).code(), difference.keys().get(i));
            }
            FigureChange figure = difference.change();
            change.put("figure", figure.figure().code());
            change.put("nameZh", figure.figure().nameZh());
            change.put("earlier", FigureTableOutput.value(figure.figure(), figure.previous()));
            change.put("later", FigureTableOutput.value(figure.figure(), figure.current()));
            change.put("change", figure.change());
            changes.add(change);
        }
        document.put("changes", changes);
        document.put(
                "batches", batches.stream().map(KnowledgeChangesOutput::batch).toList());
        return document;
    }

    /** Two CSV tables, one blank line apart: the changed figures, then the batches responsible. */
    public static String csv(KnowledgeComparison.Result result, List<BatchChange> batches) {
        var out = new StringBuilder();
        var header = new ArrayList<String>();
        result.later().by().forEach(dimension -> header.add(dimension.code()));
        header.addAll(List.of("figure", "earlier", "later", "change"));
        out.append(String.join(",", header)).append("\r\n");
        for (KnowledgeComparison.Difference difference : result.differences()) {
            var cells = new ArrayList<String>();
            difference.keys().forEach(key -> cells.add(FigureTableOutput.csvText(key)));
            FigureChange change = difference.change();
            cells.add(change.figure().code());
            cells.add(text(FigureTableOutput.value(change.figure(), change.previous())));
            cells.add(text(FigureTableOutput.value(change.figure(), change.current())));
            cells.add(text(change.change()));
            out.append(String.join(",", cells)).append("\r\n");
        }
        out.append("\r\nevent,batch_id,dataset,file_name,report_date,at,by,district,reason\r\n");
        for (BatchChange batch : batches) {
            out.append(String.join(
                            ",",
                            batch.event().name().toLowerCase(Locale.ROOT),
                            Long.toString(batch.batchId()),
                            batch.dataset(),
                            FigureTableOutput.csvText(batch.fileName()),
                            batch.reportDate().toString(),
                            batch.at().atZone(Knowledge.ZONE).toOffsetDateTime().toString(),
                            FigureTableOutput.csvText(batch.by()),
                            batch.district().orElse(""),
                            FigureTableOutput.csvText(batch.reason().orElse(""))))
                    .append("\r\n");
        }
        return out.toString();
    }

    private static Map<String, Object> side(FigureTable table) {
        var side = new LinkedHashMap<String, Object>();
        Knowledge knowledge = table.modelVersion().knowledge();
        side.put("knownAt", knowledge.knownAt().map(Object::toString).orElse(null));
        side.put("reportedBy", knowledge.reportedBy().map(Object::toString).orElse(null));
        side.put("modelVersion", table.modelVersion().version());
        side.put("batchIds", table.modelVersion().batchIds());
        return side;
    }

    private static Map<String, Object> batch(BatchChange batch) {
        var body = new LinkedHashMap<String, Object>();
        body.put("event", batch.event().name().toLowerCase(Locale.ROOT));
        body.put("batchId", batch.batchId());
        body.put("dataset", batch.dataset());
        body.put("fileName", batch.fileName());
        body.put("reportDate", batch.reportDate().toString());
        body.put("at", batch.at().atZone(Knowledge.ZONE).toOffsetDateTime().toString());
        body.put("by", batch.by());
        body.put("district", batch.district().orElse(null));
        body.put("reason", batch.reason().orElse(null));
        return body;
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }
}
