package org.threadline.app.apikeys;

import java.time.Instant;
import java.util.Optional;

/**
 * A partner system's key, as stored (never its secret).
 *
 * @param keyId the public part, 16 hex digits, which the key itself carries (so it is found without a scan)
 * @param name the system that holds it ({@code housing-cms}); the audit log names the caller {@code apikey.<name>}
 * @param agency an {@link org.threadline.app.web.accounts.Agency} name, as accounts store it
 * @param role a {@link org.threadline.app.web.accounts.Role} name: what the system may do, as for a person
 * @param createdAt when it was made
 * @param createdBy who made it (the operating-system user of {@code ./threadline api-keys create})
 * @param revokedAt when it was revoked; a revoked key never works again
 * @param lastUsedAt when it last authenticated a call
 */
public record ApiKey(String keyId, String name, String agency, String role, Instant createdAt, String createdBy,
                     Optional<Instant> revokedAt, Optional<Instant> lastUsedAt) {
    /** The actor the audit log records for calls made with this key. */
    public String actor() {
        return "apikey." + name;
    }

    public boolean revoked() {
        return revokedAt.isPresent();
    }
}
