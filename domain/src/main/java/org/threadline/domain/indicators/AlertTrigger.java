package org.threadline.domain.indicators;

import java.time.Duration;
import java.time.LocalTime;
import java.util.Objects;
import java.util.Optional;

/**
 * When a change in an indicator's result raises an alert, to whom, and by when it must be seen.
 *
 * @param on           {@code BECAME_MET}: once, when the indicator goes from not met to met (a child's third
 *                     missing episode); {@code NEW_EVIDENCE}: each time a met indicator gains events it did not have
 *                     (every domestic abuse incident in a child's household, as Operation Encompass)
 * @param organisation where to read the recipient organisation from the subject's own events (the school of the
 *                     latest enrolment), if the route is to a particular organisation
 */
public record AlertTrigger(String id, String description, String indicator, On on, String agency, String role,
                           Optional<OrganisationFrom> organisation, Due due) {
    public enum On { BECAME_MET, NEW_EVIDENCE }

    /** The latest event of {@code type} of the subject gives the organisation in its fact {@code fact}. */
    public record OrganisationFrom(String type, String fact) {
        public OrganisationFrom {
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(fact, "fact");
        }
    }

    /** By when the recipient must have seen the alert. */
    public sealed interface Due {
        /** The first school day (Monday to Friday) at this time after the alert was raised. */
        record NextSchoolDayAt(LocalTime time) implements Due {
            public NextSchoolDayAt {
                Objects.requireNonNull(time, "time");
            }
        }

        /** Within a fixed time of being raised. */
        record Within(Duration duration) implements Due {
            public Within {
                Objects.requireNonNull(duration, "duration");
            }
        }
    }

    public AlertTrigger {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(indicator, "indicator");
        Objects.requireNonNull(on, "on");
        Objects.requireNonNull(agency, "agency");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(organisation, "organisation");
        Objects.requireNonNull(due, "due");
    }
}
