package org.threadline.store.audit;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.SplittableRandom;
import org.threadline.domain.governance.audit.AuditAction;
import org.threadline.domain.governance.audit.AuditEvent;
import org.threadline.domain.governance.audit.CheckpointKeys;
import org.threadline.domain.governance.audit.CheckpointSigner;

/** Synthetic audit events and a store wired for tests (fixed clock, seeded salts). */
final class AuditFixtures {
    static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");
    static final String[] AGENCIES = {"police", "health", "schools", "social-care", "housing", "probation", "yjs"};
    static final String[] PURPOSES = {"SAFEGUARDING.CHILD.MASH_TRIAGE", "SAFEGUARDING.CHILD.S47_ENQUIRY",
        "SAFEGUARDING.ADULT.S42", "SERVICE_EVALUATION.PSEUDONYMISED"};

    final CheckpointSigner signer = new CheckpointSigner(CheckpointSigner.newKeyPair());
    final CheckpointKeys keys = new CheckpointKeys(List.of(signer.publicKey()));

    private AuditFixtures() {
    }

    static AuditFixtures create() {
        return new AuditFixtures();
    }

    AuditStore store(int checkpointEvery, long seed) {
        return new AuditStore(signer, checkpointEvery, Duration.ofDays(7 * 365), Clock.fixed(T0, ZoneOffset.UTC),
                new SplittableRandom(seed));
    }

    /** Request {@code i}'s event, its fields drawn from {@code random}. */
    static AuditEvent event(long i, SplittableRandom random) {
        AuditAction action = AuditAction.values()[random.nextInt(AuditAction.REDACTION.ordinal())];
        String agency = AGENCIES[random.nextInt(AGENCIES.length)];
        return new AuditEvent("req-" + i, T0.plusMillis(i * 1_000 + random.nextInt(1_000)), "user" + random.nextInt(40),
                agency, List.of("practitioner", agency + "-lead").subList(0, 1 + random.nextInt(2)),
                PURPOSES[random.nextInt(PURPOSES.length)], random.nextBoolean() ? "CASE-" + random.nextInt(500) : "",
                action, "subject-" + random.nextInt(10_000), "chronology",
                List.of("name", "dob", "address", "events").subList(0, random.nextInt(5)),
                action == AuditAction.DENY ? List.of("PURPOSE_NOT_ALLOWED") : List.of(), "isa-mash@3");
    }

    /** Appends {@code count} events, one transaction each, and returns nothing: the log is the result. */
    static void appendEach(Connection c, AuditStore store, long from, int count, long seed) throws SQLException {
        SplittableRandom random = new SplittableRandom(seed);
        boolean auto = c.getAutoCommit();
        c.setAutoCommit(false);
        for (long i = from; i < from + count; i++) {
            store.append(c, event(i, random));
            c.commit();
        }
        c.setAutoCommit(auto);
    }
}
