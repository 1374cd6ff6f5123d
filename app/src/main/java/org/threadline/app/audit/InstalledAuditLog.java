package org.threadline.app.audit;

import java.io.IOException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import org.threadline.app.home.ThreadlineHome;
import org.threadline.store.audit.AuditStore;

/** This installation's audit log settings: what every command that writes audit events uses. */
public final class InstalledAuditLog {
    /** Appends sign a checkpoint by themselves every this many entries. */
    public static final int CHECKPOINT_EVERY = 1_000;
    /** How long an event's payload is kept when the agreement does not say (the entry itself is kept for ever). */
    public static final Duration DEFAULT_RETENTION = Duration.ofDays(7 * 365);

    private InstalledAuditLog() {
    }

    /** The store, signing with THREADLINE_HOME's key (made on first use), salts from {@link SecureRandom}. */
    public static AuditStore store(ThreadlineHome home, Clock clock) throws IOException {
        return new AuditStore(AuditKeyFiles.signer(home), CHECKPOINT_EVERY, DEFAULT_RETENTION, clock,
                new SecureRandom());
    }
}
