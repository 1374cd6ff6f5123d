package org.threadline.domain.governance.agreements;

import java.util.List;
import java.util.Objects;

/**
 * An agency that signs the agreement: it provides data items, receives them, or both.
 *
 * @param id     the agency id used everywhere else ({@code police}, {@code social-care}, as in config/sources)
 * @param regime the data-protection regime the party processes under; it decides which legal basis is required
 * @param roles  the job roles at this party that grants, break-glass and forbid rules may name
 */
public record Party(String id, String name, Regime regime, List<String> roles) {
    public Party {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(regime, "regime");
        roles = List.copyOf(roles);
    }

    /** UK GDPR with DPA 2018 Part 2, or DPA 2018 Part 3 (competent authorities processing for law enforcement). */
    public enum Regime {
        UKGDPR("UKGDPR"), DPA2018_PART3("DPA2018-Part3");

        private final String yamlName;

        Regime(String yamlName) {
            this.yamlName = yamlName;
        }

        public String yamlName() {
            return yamlName;
        }

        public static java.util.Optional<Regime> fromYaml(String text) {
            for (Regime r : values()) {
                if (r.yamlName.equals(text)) {
                    return java.util.Optional.of(r);
                }
            }
            return java.util.Optional.empty();
        }
    }
}
