package org.threadline.domain.governance.policy;

import java.util.List;
import java.util.Set;

/** The outcome of one request: a permit with what may be released and on what terms, or a deny with why. */
public sealed interface Decision {

    boolean permitted();

    /**
     * @param fields      the fields that may be released: a subset of those requested and of those allowed
     * @param obligations what the caller must do before releasing
     * @param agreements  the agreement versions ({@code ID@N}) the permit rests on
     * @param breakGlass  whether this is an emergency access
     */
    record Permit(Set<String> fields, List<Obligation> obligations, List<String> agreements, String purpose,
                  boolean breakGlass) implements Decision {
        public Permit {
            fields = Set.copyOf(fields);
            obligations = List.copyOf(obligations);
            agreements = List.copyOf(agreements);
            if (fields.isEmpty()) {
                throw new IllegalArgumentException("a permit releases at least one field");
            }
        }

        @Override
        public boolean permitted() {
            return true;
        }
    }

    record Deny(List<DenyReason> reasons) implements Decision {
        public Deny {
            reasons = List.copyOf(reasons);
            if (reasons.isEmpty()) {
                throw new IllegalArgumentException("a deny always says why");
            }
        }

        @Override
        public boolean permitted() {
            return false;
        }

        public boolean has(ReasonCode code) {
            return reasons.stream().anyMatch(r -> r.code() == code);
        }
    }
}
