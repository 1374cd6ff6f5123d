package org.threadline.domain.governance.agreements;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Emergency access the agreement allows: only to the named roles, about one subject, for at most
 * {@code maxDuration}, with a reason, an immediate notification to {@code notifyOnUse} (YAML key {@code notify}) and a review task due within
 * {@code reviewWithin}.
 */
public record BreakGlassRule(List<String> allowedRoles, Duration maxDuration, List<String> notifyOnUse,
                             Duration reviewWithin) {
    /** GOVERNANCE.md b1.8: break-glass lasts at most four hours and is reviewed within three days. */
    public static final Duration LONGEST = Duration.ofHours(4);
    public static final Duration LATEST_REVIEW = Duration.ofDays(3);

    public BreakGlassRule {
        allowedRoles = List.copyOf(allowedRoles);
        Objects.requireNonNull(maxDuration, "maxDuration");
        notifyOnUse = List.copyOf(notifyOnUse);
        Objects.requireNonNull(reviewWithin, "reviewWithin");
    }
}
