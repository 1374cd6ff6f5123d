package org.threadline.domain.governance.agreements;

import java.util.List;
import java.util.Objects;

/**
 * A rule that denies, whatever any grant or break-glass allows (Cedar's forbid-overrides-permit). It matches a
 * request whose subject carries {@code marker}, narrowed by the optional lists (empty means any); a principal
 * holding one of {@code unlessRoles} is not caught by it.
 */
public record ForbidRule(String id, String marker, List<String> dataItems, List<String> purposes,
                         List<String> recipients, List<String> unlessRoles, String reason) {
    public ForbidRule {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(marker, "marker");
        Objects.requireNonNull(reason, "reason");
        dataItems = List.copyOf(dataItems);
        purposes = List.copyOf(purposes);
        recipients = List.copyOf(recipients);
        unlessRoles = List.copyOf(unlessRoles);
    }
}
