package cn.xiaoan.api.cli.bench;

import static java.util.Objects.requireNonNull;

import cn.xiaoan.analytics.bench.PublishedFacts;
import cn.xiaoan.analytics.figure.Dimension;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * What valid questions are made of, read from the published model: the members of each closed dimension, the
 * schools, the first day a hazard was found and the latest report date (the server's default as-of date).
 */
record QuestionCatalog(
        Map<Dimension, List<String>> members, List<String> schools, LocalDate firstDay, LocalDate latestReport) {
    QuestionCatalog {
        members = Map.copyOf(members);
        schools = List.copyOf(schools);
        requireNonNull(firstDay, "firstDay");
        requireNonNull(latestReport, "latestReport");
        if (!firstDay.isBefore(latestReport)) {
            throw new IllegalArgumentException("Cannot draw questions: the model's hazards span no day before its"
                    + " latest report (" + firstDay + " to " + latestReport + ")");
        }
        if (schools.isEmpty()) {
            throw new IllegalArgumentException("Cannot draw questions: the model has no school");
        }
    }

    static QuestionCatalog of(PublishedFacts facts) {
        return new QuestionCatalog(facts.members(), facts.schools(), facts.firstFoundDate(), facts.latestReportDate());
    }

    List<String> members(Dimension dimension) {
        return members.getOrDefault(dimension, List.of());
    }
}
