package org.threadline.domain.governance.audit;

import java.util.random.RandomGenerator;

/**
 * The hash a leaf commits to instead of the event itself: {@code SHA-256(prefix || salt || canonical event)}. The
 * salt (32 random bytes, stored beside the payload and removed with it) stops anyone from confirming a guessed
 * payload against the hash once the payload itself has been redacted: audit events are low-entropy (a handful of
 * users, purposes and data items), so an unsalted hash would be a dictionary lookup away from the redacted text.
 */
public final class PayloadCommitment {
    /** Length of the salt in bytes. */
    public static final int SALT_LENGTH = 32;
    private static final byte[] PREFIX = "threadline-audit-payload/v1".getBytes(java.nio.charset.StandardCharsets.UTF_8);

    private PayloadCommitment() {
    }

    /** The commitment to {@code event} under {@code salt}. */
    public static byte[] of(AuditEvent event, byte[] salt) {
        if (salt.length != SALT_LENGTH) {
            throw new IllegalArgumentException("a payload salt is " + SALT_LENGTH + " bytes, not " + salt.length);
        }
        return Sha256.of(PREFIX, salt, event.canonical());
    }

    /** A fresh salt; production passes a {@link java.security.SecureRandom}, tests a seeded generator. */
    public static byte[] newSalt(RandomGenerator random) {
        byte[] salt = new byte[SALT_LENGTH];
        random.nextBytes(salt);
        return salt;
    }
}
