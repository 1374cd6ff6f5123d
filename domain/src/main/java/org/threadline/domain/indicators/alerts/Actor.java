package org.threadline.domain.indicators.alerts;

import java.util.Objects;

/** Who took a step on an alert: a named person acting for an agency. */
public record Actor(String name, String agency) {
    public Actor {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(agency, "agency");
    }
}
