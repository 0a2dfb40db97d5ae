package cn.xiaoan.api.server;

import cn.xiaoan.analytics.Dimension;
import cn.xiaoan.analytics.FigureRequest;
import cn.xiaoan.analytics.HeatmapRequest;
import cn.xiaoan.api.auth.Scope;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

/**
 * Narrows questions to the caller's scope whatever they asked: a district user's question is filtered to their
 * district, and asking for another district by filter is refused ({@link Scope.ScopeViolation}, 403).
 */
final class Scoping {
    private Scoping() {}

    static FigureRequest scoped(FigureRequest request, Scope scope) {
        if (scope.isCity()) {
            return request;
        }
        Set<String> asked = request.filters().getOrDefault(Dimension.DISTRICT, Set.of());
        return request.filtered(Dimension.DISTRICT, scope.narrow(asked));
    }

    static HeatmapRequest scoped(HeatmapRequest request, Scope scope) {
        if (scope.isCity()) {
            return request;
        }
        Map<Dimension, Set<String>> filters = new EnumMap<>(Dimension.class);
        filters.putAll(request.filters());
        filters.put(Dimension.DISTRICT, scope.narrow(request.filters().getOrDefault(Dimension.DISTRICT, Set.of())));
        return request.filtered(filters);
    }
}
