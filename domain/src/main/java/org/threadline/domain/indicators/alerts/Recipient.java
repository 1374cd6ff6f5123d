package org.threadline.domain.indicators.alerts;

import java.util.Objects;
import java.util.Optional;

/** Where an alert is routed: an agency, a role within it, and the organisation when the rule names one (a school). */
public record Recipient(String agency, String role, Optional<String> organisation) {
    public Recipient {
        Objects.requireNonNull(agency, "agency");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(organisation, "organisation");
    }
}
