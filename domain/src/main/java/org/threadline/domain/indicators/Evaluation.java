package org.threadline.domain.indicators;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Every applicable indicator's result for one subject, as of one date, under one rulebook version. */
public record Evaluation(String subjectPersonId, String rulebook, LocalDate asOf, List<IndicatorResult> results) {
    public Evaluation {
        Objects.requireNonNull(subjectPersonId, "subjectPersonId");
        Objects.requireNonNull(rulebook, "rulebook");
        Objects.requireNonNull(asOf, "asOf");
        results = List.copyOf(results);
    }

    public Optional<IndicatorResult> result(String indicatorId) {
        return results.stream().filter(r -> r.indicatorId().equals(indicatorId)).findFirst();
    }
}
