package org.threadline.domain.people;

import java.time.LocalDate;
import java.time.Period;
import java.util.Objects;
import java.util.Optional;

/**
 * A resolved person as the rest of the system needs them: the stable id, the name and date of birth most of their
 * source records agree on, and sex. Everything else about them is in their records, events and relationships.
 */
public record PersonSummary(String personId, String forename, String surname, Optional<LocalDate> dateOfBirth,
                            Sex sex) {
    public PersonSummary {
        Objects.requireNonNull(personId, "personId");
        Objects.requireNonNull(forename, "forename");
        Objects.requireNonNull(surname, "surname");
        Objects.requireNonNull(dateOfBirth, "dateOfBirth");
        Objects.requireNonNull(sex, "sex");
    }

    /** Age in whole years on a day, if the date of birth is known. */
    public Optional<Integer> ageOn(LocalDate day) {
        return dateOfBirth.filter(b -> !b.isAfter(day)).map(b -> Period.between(b, day).getYears());
    }

    public String displayName() {
        return (forename + " " + surname).strip();
    }
}
