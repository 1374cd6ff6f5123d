package org.threadline.app.web.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.function.Function;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import javax.sql.DataSource;
import org.threadline.app.web.security.SignInThrottle.Key;
import org.threadline.app.web.security.SignInThrottle.Scope;
import org.threadline.store.StoreException;

/**
 * A throttle's counts in PostgreSQL (table {@code sign_in_throttle}, V25; ADR 0026 as amended on 2026-11-27): every
 * server behind a load balancer counts the same failures, and a restart forgets none. A name or address is stored as
 * its HMAC-SHA256 under a secret in {@code THREADLINE_HOME/keys/}{@value #SECRET_FILE}, so the table (or a backup of
 * it) names nobody and no address; every server must have the same secret file, as they share the database.
 *
 * <p>Each step is one transaction that locks the keys' rows ({@code SELECT ... FOR UPDATE}, in a fixed order so two
 * steps cannot deadlock), reads them, lets the throttle decide, and writes them back: two servers cannot both count
 * from the same state, nor both take the last slot for an attempt in flight (V28). A check or a failure on a key not
 * yet tracked first inserts its row ({@code ON CONFLICT DO NOTHING}), so that two first attempts at once lock the same
 * row. A row whose failures all left the window and whose reservations all expired is deleted by the sweep (and at
 * once, when a step leaves it empty), so the table holds at most the keys that failed within one window or have an
 * attempt in flight.
 */
public final class StoredThrottleState implements ThrottleState {
    /** The HMAC secret's file under {@code THREADLINE_HOME/keys}: 32 random bytes, base64, readable by its owner. */
    public static final String SECRET_FILE = "throttle-hmac.key";

    /** The HMAC key names and addresses are stored under (at least 32 bytes). */
    public static final class Secret {
        private final SecretKeySpec key;

        public Secret(byte[] bytes) {
            if (bytes.length < 32) {
                throw new IllegalArgumentException("the throttle's HMAC secret must be at least 32 bytes");
            }
            this.key = new SecretKeySpec(bytes.clone(), "HmacSHA256");
        }

        @Override
        public String toString() {
            return "Secret[not shown]";
        }
    }

    private final DataSource dataSource;
    private final String channel;
    private final SecretKeySpec secret;

    /** @param channel {@code SIGN_IN} or {@code API}: each channel counts apart */
    public StoredThrottleState(DataSource dataSource, Throttling.Channel channel, Secret secret) {
        this.dataSource = dataSource;
        this.channel = channel.name();
        this.secret = secret.key;
    }

    /** The secret in {@code keysFolder}, made (32 random bytes) the first time. */
    public static Secret secret(Path keysFolder) {
        Path file = keysFolder.resolve(SECRET_FILE);
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(keysFolder);
                byte[] fresh = new byte[32];
                new SecureRandom().nextBytes(fresh);
                Path temporary = Files.createTempFile(keysFolder, SECRET_FILE, ".new");
                try {
                    Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-------"));
                } catch (UnsupportedOperationException e) {
                    // Not a POSIX file system: the folder's own permissions protect it.
                }
                Files.writeString(temporary, Base64.getEncoder().encodeToString(fresh) + "\n");
                try {
                    Files.move(temporary, file);
                } catch (FileAlreadyExistsException e) {
                    Files.delete(temporary); // another process made it first: use theirs
                }
            }
            byte[] read = Base64.getDecoder().decode(Files.readString(file, StandardCharsets.US_ASCII).strip());
            if (read.length < 32) {
                throw new IllegalStateException(file + " must hold at least 32 bytes (base64), not " + read.length);
            }
            return new Secret(read);
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalStateException("cannot read or make the throttle's secret " + file + ": "
                    + e.getMessage(), e);
        }
    }

    /** The stored form of a key: its HMAC, never the name or address. */
    byte[] hash(Key key) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(secret);
            return mac.doFinal(key.value().getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this Java", e);
        }
    }

    @Override
    public <T> T apply(List<Key> keys, boolean create, Function<Map<Key, Tracked>, T> change,
                       BiConsumer<Key, Tracked> forgotten) {
        record Hashed(Key key, byte[] hash) {
        }
        List<Hashed> ordered = keys.stream().distinct().map(k -> new Hashed(k, hash(k)))
                .sorted(Comparator.comparing((Hashed h) -> h.key().scope())
                        .thenComparing(Hashed::hash, Arrays::compareUnsigned)).toList();
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                Map<Key, Tracked> tracked = new HashMap<>();
                for (Hashed h : ordered) {
                    if (create) {
                        try (PreparedStatement s = c.prepareStatement("INSERT INTO sign_in_throttle (channel, scope,"
                                + " key_hash, newest_failure) VALUES (?, ?, ?, now()) ON CONFLICT DO NOTHING")) {
                            bind(s, h.key().scope(), h.hash());
                            s.executeUpdate();
                        }
                    }
                    try (PreparedStatement s = c.prepareStatement("SELECT failures, refused, first_refused,"
                            + " last_refused, reserved, reservation_ids FROM sign_in_throttle WHERE channel = ?"
                            + " AND scope = ? AND key_hash = ? FOR UPDATE")) {
                        bind(s, h.key().scope(), h.hash());
                        try (ResultSet r = s.executeQuery()) {
                            if (r.next()) {
                                tracked.put(h.key(), read(r));
                            }
                        }
                    }
                }
                java.util.Set<Key> stored = new java.util.HashSet<>(tracked.keySet());
                T out = change.apply(tracked);
                for (Hashed h : ordered) {
                    Tracked t = tracked.get(h.key());
                    if (t == null || (t.failures.isEmpty() && t.reserved.isEmpty() && t.refused == 0)) {
                        if (!create && !stored.contains(h.key())) {
                            continue; // never stored: nothing to forget
                        }
                        try (PreparedStatement s = c.prepareStatement("DELETE FROM sign_in_throttle WHERE channel = ?"
                                + " AND scope = ? AND key_hash = ?")) {
                            bind(s, h.key().scope(), h.hash());
                            s.executeUpdate();
                        }
                    } else {
                        write(c, h.key().scope(), h.hash(), t);
                    }
                }
                c.commit();
                return out;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new StoreException("the throttle's counts could not be read or written", e);
        }
    }

    @Override
    public List<Map.Entry<Key, Tracked>> sweep(Instant since, Instant reservedSince) {
        List<Map.Entry<Key, Tracked>> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
             // SKIP LOCKED: a row a step holds is left to that step (or the next sweep); waiting for it could
             // deadlock with a step that holds two rows, as the sweep takes them in no particular order.
             PreparedStatement s = c.prepareStatement("DELETE FROM sign_in_throttle WHERE (channel, scope, key_hash)"
                     + " IN (SELECT channel, scope, key_hash FROM sign_in_throttle WHERE channel = ?"
                     + " AND newest_failure <= ? AND NOT EXISTS (SELECT FROM unnest(reserved) AS r (at) WHERE r.at > ?)"
                     + " FOR UPDATE SKIP LOCKED) RETURNING scope, failures, refused, first_refused, last_refused,"
                     + " reserved, reservation_ids")) {
            s.setString(1, channel);
            s.setObject(2, utc(since));
            s.setObject(3, utc(reservedSince));
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    Tracked t = read(r);
                    if (t.refused > 0) {
                        out.add(Map.entry(new Key(Scope.valueOf(r.getString("scope")), ""), t));
                    }
                }
            }
        } catch (SQLException e) {
            throw new StoreException("the throttle's expired counts could not be swept", e);
        }
        return out;
    }

    @Override
    public int tracked() {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT count(*) FROM sign_in_throttle WHERE channel = ?")) {
            s.setString(1, channel);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getInt(1);
            }
        } catch (SQLException e) {
            throw new StoreException("the throttle's counts could not be read", e);
        }
    }

    private void bind(PreparedStatement s, Scope scope, byte[] hash) throws SQLException {
        s.setString(1, channel);
        s.setString(2, scope.name());
        s.setBytes(3, hash);
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    private static Tracked read(ResultSet r) throws SQLException {
        Tracked t = new Tracked();
        Array failures = r.getArray("failures");
        for (Object o : (Object[]) failures.getArray()) {
            t.failures.addLast(((Timestamp) o).toInstant());
        }
        t.refused = r.getLong("refused");
        OffsetDateTime first = r.getObject("first_refused", OffsetDateTime.class);
        OffsetDateTime last = r.getObject("last_refused", OffsetDateTime.class);
        t.firstRefused = first == null ? null : first.toInstant();
        t.lastRefused = last == null ? null : last.toInstant();
        Object[] reserved = (Object[]) r.getArray("reserved").getArray();
        Object[] ids = (Object[]) r.getArray("reservation_ids").getArray();
        for (int i = 0; i < reserved.length; i++) {
            t.reserved.put((UUID) ids[i], ((Timestamp) reserved[i]).toInstant());
        }
        return t;
    }

    private void write(Connection c, Scope scope, byte[] hash, Tracked t) throws SQLException {
        // The sweep deletes the row once its newest failure leaves the window and its reservations have expired (an
        // episode under way with no failure left cannot be: the throttle ends it when it prunes the last one).
        Instant newest = t.failures.isEmpty() ? Instant.EPOCH : t.failures.peekLast();
        try (PreparedStatement s = c.prepareStatement("INSERT INTO sign_in_throttle (channel, scope, key_hash,"
                + " failures, refused, first_refused, last_refused, newest_failure, reserved, reservation_ids)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (channel, scope, key_hash) DO UPDATE SET"
                + " failures = excluded.failures, refused = excluded.refused, first_refused = excluded.first_refused,"
                + " last_refused = excluded.last_refused, newest_failure = excluded.newest_failure,"
                + " reserved = excluded.reserved, reservation_ids = excluded.reservation_ids")) {
            bind(s, scope, hash);
            // ISO-8601 instants with their Z: nothing depends on the session's or the JVM's time zone.
            s.setArray(4, c.createArrayOf("timestamptz", t.failures.stream().map(Instant::toString)
                    .toArray(String[]::new)));
            s.setLong(5, t.refused);
            s.setObject(6, utc(t.firstRefused));
            s.setObject(7, utc(t.lastRefused));
            s.setObject(8, utc(newest));
            s.setArray(9, c.createArrayOf("timestamptz", t.reserved.values().stream().map(Instant::toString)
                    .toArray(String[]::new)));
            s.setArray(10, c.createArrayOf("uuid", t.reserved.keySet().toArray(UUID[]::new)));
            s.executeUpdate();
        }
    }
}
