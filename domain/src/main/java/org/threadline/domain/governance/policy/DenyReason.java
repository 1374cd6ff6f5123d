package org.threadline.domain.governance.policy;

import java.util.Objects;

/** One reason for a deny: a code for machines and audit, a detail for people. */
public record DenyReason(ReasonCode code, String detail) {
    public DenyReason {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(detail, "detail");
    }

    @Override
    public String toString() {
        return code + ": " + detail;
    }
}
