package cn.xiaoan.api.server;

import cn.xiaoan.analytics.figure.Dimension;
import cn.xiaoan.analytics.figure.DistrictScope;
import cn.xiaoan.analytics.figure.Question;
import cn.xiaoan.api.auth.Scope;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

/**
 * Narrows questions to the caller's scope whatever they asked: a district user's question is filtered to their
 * district, and asking for another district by filter is refused ({@link Scope.ScopeViolation}, 403). The one place
 * a caller's scope becomes a filter or a {@link DistrictScope}.
 */
final class Scoping {
    private Scoping() {}

    static Question scoped(Question question, Scope scope) {
        if (scope.isCity()) {
            return question;
        }
        Set<String> asked = question.filters().getOrDefault(Dimension.DISTRICT, Set.of());
        return question.filtered(Dimension.DISTRICT, scope.narrow(asked));
    }

    /** The filters with the district narrowed to the caller's scope. */
    static Map<Dimension, Set<String>> scoped(Map<Dimension, Set<String>> filters, Scope scope) {
        if (scope.isCity()) {
            return filters;
        }
        var narrowed = new EnumMap<Dimension, Set<String>>(Dimension.class);
        narrowed.putAll(filters);
        narrowed.put(Dimension.DISTRICT, scope.narrow(filters.getOrDefault(Dimension.DISTRICT, Set.of())));
        return narrowed;
    }

    /** The districts the SQL of drill-downs and school pages keeps to, whatever their filters ask. */
    static DistrictScope districts(Scope scope) {
        return scope.district().map(code -> DistrictScope.of(Set.of(code))).orElseGet(DistrictScope::city);
    }
}
