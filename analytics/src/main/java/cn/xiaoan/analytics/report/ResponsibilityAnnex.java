package cn.xiaoan.analytics.report;

import static java.util.Objects.requireNonNull;

import cn.xiaoan.analytics.service.ResponsibilityItem;
import cn.xiaoan.analytics.service.ResponsibilityList;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The report annex 整改责任清单 (the second of the 两个清单): the hazards still to rectify at the as-of date, grouped by
 * district (in display order, MAJOR first within each), with measures, responsible unit and person, deadline, status
 * and 督办; at most {@link ReportDataService#LISTED_RESPONSIBILITIES} rows, {@code total} saying how many there are.
 */
public record ResponsibilityAnnex(LocalDate asOf, long total, List<DistrictGroup> groups) {
    public static final String TITLE_ZH = "附件：整改责任清单";
    public static final String TITLE_EN = "Annex: responsibility list";

    public ResponsibilityAnnex {
        requireNonNull(asOf, "asOf");
        groups = List.copyOf(groups);
    }

    /** One district's hazards of the annex, in the list's order. */
    public record DistrictGroup(String districtCode, String districtName, List<ResponsibilityItem> items) {
        public DistrictGroup {
            items = List.copyOf(items);
        }

        /** How many of the group's hazards are listed for supervision (督办). */
        public long supervised() {
            return items.stream()
                    .filter(item -> Boolean.TRUE.equals(item.supervised()))
                    .count();
        }
    }

    /** The list's hazards grouped by district, keeping its order. */
    public static ResponsibilityAnnex of(ResponsibilityList list) {
        var groups = new LinkedHashMap<String, List<ResponsibilityItem>>();
        var names = new LinkedHashMap<String, String>();
        for (ResponsibilityItem item : list.items()) {
            groups.computeIfAbsent(item.districtCode(), code -> new ArrayList<>())
                    .add(item);
            names.putIfAbsent(item.districtCode(), item.districtName());
        }
        var grouped = new ArrayList<DistrictGroup>();
        for (Map.Entry<String, List<ResponsibilityItem>> group : groups.entrySet()) {
            grouped.add(new DistrictGroup(group.getKey(), names.get(group.getKey()), group.getValue()));
        }
        return new ResponsibilityAnnex(list.asOf(), list.total(), grouped);
    }

    /** How many hazards the annex lists (at most the total). */
    public int listed() {
        return groups.stream().mapToInt(group -> group.items().size()).sum();
    }
}
