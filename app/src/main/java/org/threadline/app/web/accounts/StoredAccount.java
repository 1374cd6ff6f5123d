package org.threadline.app.web.accounts;

import java.time.Instant;
import java.util.Optional;

/**
 * An account as stored, with what sign-in needs to decide.
 *
 * @param account who the person is
 * @param passwordHash in Spring Security's {@code {id}hash} format
 * @param failedSignIns consecutive failures since the last success or lock
 * @param lockedUntil when a lock ends, if the account has been locked
 * @param enabled false for an account switched off by an administrator
 */
public record StoredAccount(Account account, String passwordHash, int failedSignIns, Optional<Instant> lockedUntil,
        boolean enabled) {

    /** Whether a lock is in force at {@code now}. */
    public boolean lockedAt(Instant now) {
        return lockedUntil.map(now::isBefore).orElse(false);
    }
}
