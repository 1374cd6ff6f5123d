package org.threadline.domain.governance.policy;

import java.time.Duration;
import java.time.Instant;

/**
 * A practitioner's emergency access: why (a reason code and free text, both mandatory), about which one subject,
 * from when and for how long.
 */
public record BreakGlassClaim(String reasonCode, String reason, String subjectId, Instant activatedAt,
                              Duration duration) {
}
