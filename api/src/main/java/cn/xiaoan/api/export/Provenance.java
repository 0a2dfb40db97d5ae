package cn.xiaoan.api.export;

import static java.util.Objects.requireNonNull;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * What made an exported file, written into it so that a number found in it months later can be traced and
 * reproduced: the request (endpoint and parameters, or the SQL statement), the model version and its batches, who
 * asked, in which scope, when, and the request id of the server log.
 */
public record Provenance(
        String request,
        long modelVersion,
        List<Long> batchIds,
        String user,
        String scope,
        OffsetDateTime generatedAt,
        String requestId) {
    public Provenance {
        requireNonNull(request, "request");
        batchIds = List.copyOf(batchIds);
        requireNonNull(user, "user");
        requireNonNull(scope, "scope");
        requireNonNull(generatedAt, "generatedAt");
        requireNonNull(requestId, "requestId");
    }

    /** The lines that describe the provenance, label (Chinese / English) then value. */
    public List<String[]> lines() {
        return List.of(
                new String[] {"查询 Request", request},
                new String[] {"模型版本 Model version", Long.toString(modelVersion)},
                new String[] {"数据批次 Batches", batchIds.isEmpty() ? "-" : joined(batchIds)},
                new String[] {"导出人 User", user},
                new String[] {"数据范围 Scope", scope},
                new String[] {"导出时间 Generated at", generatedAt.toString()},
                new String[] {"请求编号 Request id", requestId});
    }

    private static String joined(List<Long> ids) {
        var text = new StringBuilder();
        for (Long id : ids) {
            if (!text.isEmpty()) {
                text.append(' ');
            }
            text.append(id);
        }
        return text.toString();
    }
}
