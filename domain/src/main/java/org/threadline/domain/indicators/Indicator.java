package org.threadline.domain.indicators;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * One published rule.
 *
 * @param evidenceLevel  {@code direct} when a record states the thing itself; {@code proxy} when records stand in
 *                       for it (ACEs are self-report constructs: a social-care record of neglect is a proxy)
 * @param enabled        a configured extension can ship switched off (severe and multiple disadvantage with
 *                       mental health and domestic abuse)
 * @param notDerivable   why no feed can support the indicator: it then always answers INSUFFICIENT_DATA with this
 *                       reason, so the gap is published rather than hidden
 * @param requires       a signal that must hold before a negative answer means anything (attendance records for an
 *                       absence rule); when it does not, the answer is INSUFFICIENT_DATA instead of NOT_MET
 */
public record Indicator(String id, String name, String description, String framework, String source,
                        Subject subject, String evidenceLevel, LocalDate reviewDate, boolean enabled,
                        Optional<String> notDerivable, Optional<String> requires, Optional<Condition> condition) {
    public Indicator {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(framework, "framework");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(evidenceLevel, "evidenceLevel");
        Objects.requireNonNull(reviewDate, "reviewDate");
        Objects.requireNonNull(notDerivable, "notDerivable");
        Objects.requireNonNull(requires, "requires");
        Objects.requireNonNull(condition, "condition");
        if (notDerivable.isEmpty() == condition.isEmpty()) {
            throw new IllegalArgumentException(id + ": an indicator has a condition or says why it is not derivable");
        }
    }
}
