package org.threadline.app.apikeys;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.threadline.store.StoreException;

/**
 * Makes, checks and revokes API keys. A key reads {@code tl_<key id>_<secret>}: the key id (16 hex digits) finds the
 * row, and the secret (32 random bytes, base64url) is compared with the stored SHA-256 in constant time. A plain
 * SHA-256 is enough here, unlike for passwords: the secret is 256 random bits, not something a person chose, so
 * there is nothing to guess from a stolen hash; a slow hash would only slow every API call.
 */
public final class ApiKeys {
    /** What a key looks like; anything else is refused without a database read. */
    static final Pattern FORMAT = Pattern.compile("tl_([0-9a-f]{16})_([A-Za-z0-9_-]{43})");
    /** Names of keys: as usernames, so that {@code apikey.<name>} is a valid actor name everywhere. */
    static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{2,55}");

    private static final String COLUMNS = "key_id, name, agency, role, created_at, created_by, revoked_at,"
            + " last_used_at";

    private final DataSource dataSource;
    private final SecureRandom random;

    /**
     * @param random the source of key ids and secrets: a {@link SecureRandom} (a key is a credential, so unlike the
     *     synthetic data it must not be reproducible from a seed)
     */
    public ApiKeys(DataSource dataSource, SecureRandom random) {
        this.dataSource = dataSource;
        this.random = random;
    }

    /** A new key: its stored description, and the key itself, which is shown once and kept nowhere. */
    public record Created(ApiKey key, String secretKey) {
        @Override
        public String toString() {
            return "Created[" + key.name() + "]";
        }
    }

    /** An organisation of the agency a key may work for: a school's URN..., or {@code *} for every one. */
    static final Pattern ORGANISATION = Pattern.compile("\\*|[A-Za-z0-9][A-Za-z0-9._-]{0,99}");

    /** Makes a key working for no one organisation of its agency (it receives alerts routed to the agency only). */
    public Created create(String name, String agency, String role, String createdBy, Instant now) {
        return create(name, agency, role, List.of(), createdBy, now);
    }

    /**
     * Makes a key. The name must be new (a revoked key's name stays taken, so the audit log stays unambiguous). The
     * key works for {@code organisations} of its agency as a person does: they are kept in
     * {@code account_organisation} under the key's actor name, {@code apikey.<name>}, which is where the alerts
     * inbox and the API read a caller's organisations from (web.accounts.Memberships, ADR 0016).
     */
    public Created create(String name, String agency, String role, List<String> organisations, String createdBy,
                          Instant now) {
        List<String> bad = organisations.stream().filter(o -> !ORGANISATION.matcher(o).matches()).toList();
        if (!bad.isEmpty()) {
            throw new IllegalArgumentException("an organisation is '*' (every one of the agency) or an identifier"
                    + " such as a school's URN: up to 100 letters, digits, '.', '_' or '-'; not " + bad);
        }
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("a key's name must be 3 to 56 lower-case letters, digits, '.', '_' or"
                    + " '-', starting with a letter or digit");
        }
        if (find(name).isPresent()) {
            throw new IllegalArgumentException("a key named '" + name + "' exists already (names are never reused,"
                    + " even after revocation)");
        }
        byte[] id = new byte[8];
        byte[] secret = new byte[32];
        random.nextBytes(id);
        random.nextBytes(secret);
        String keyId = HexFormat.of().formatHex(id);
        String secretText = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        ApiKey key = new ApiKey(keyId, name, agency, role, now, createdBy, Optional.empty(), Optional.empty());
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                try (PreparedStatement s = c.prepareStatement("INSERT INTO api_key (key_id, name, agency, role,"
                        + " secret_sha256, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                    s.setString(1, keyId);
                    s.setString(2, name);
                    s.setString(3, agency);
                    s.setString(4, role);
                    s.setString(5, sha256(secretText));
                    s.setTimestamp(6, Timestamp.from(now));
                    s.setString(7, createdBy);
                    s.executeUpdate();
                }
                try (PreparedStatement s = c.prepareStatement("INSERT INTO account_organisation (username,"
                        + " organisation) VALUES (?, ?) ON CONFLICT DO NOTHING")) {
                    for (String o : organisations) {
                        s.setString(1, key.actor());
                        s.setString(2, o);
                        s.addBatch();
                    }
                    s.executeBatch();
                }
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new StoreException("API keys: making key " + name + " failed: " + e.getMessage(), e);
        }
        return new Created(key, "tl_" + keyId + "_" + secretText);
    }

    /**
     * The key a caller presented, if it is well formed, known, not revoked and its secret matches; the time of use is
     * recorded. Every failure is the same empty answer: a caller is not told which part was wrong.
     */
    public Optional<ApiKey> authenticate(String presented, Instant now) {
        return attempt(presented, now).accepted();
    }

    /**
     * What a presented key comes to, for the audit log (ADR 0025): accepted, or why not and which key it named.
     *
     * @param accepted the key, when it is accepted
     * @param named the stored key the presented one names by its key id (also when its secret is wrong or it is
     *     revoked), if any
     * @param keyId the key id it carries, when it is well formed (public: the key id is not the secret)
     * @param refusal why it was not accepted: {@code API_KEY_MALFORMED}, {@code API_KEY_UNKNOWN},
     *     {@code API_KEY_WRONG_SECRET} or {@code API_KEY_REVOKED}; empty when accepted
     */
    public record Attempt(Optional<ApiKey> accepted, Optional<ApiKey> named, Optional<String> keyId,
                          String refusal) {
    }

    /**
     * The key id a presented key carries, read from its form alone (no lookup, no hash): what the API's throttle
     * counts failures by (ADR 0026). Empty when it is not shaped like a key.
     */
    public static Optional<String> keyIdOf(String presented) {
        Matcher m = FORMAT.matcher(presented == null ? "" : presented.strip());
        return m.matches() ? Optional.of(m.group(1)) : Optional.empty();
    }

    /** The key with this key id, revoked or not. */
    public Optional<ApiKey> byKeyId(String keyId) {
        return query("SELECT " + COLUMNS + ", secret_sha256 FROM api_key WHERE key_id = ?", keyId).stream()
                .findFirst().map(Stored::key);
    }

    public Attempt attempt(String presented, Instant now) {
        Matcher m = FORMAT.matcher(presented == null ? "" : presented.strip());
        if (!m.matches()) {
            return new Attempt(Optional.empty(), Optional.empty(), Optional.empty(), "API_KEY_MALFORMED");
        }
        String keyId = m.group(1);
        Optional<Stored> stored = query("SELECT " + COLUMNS + ", secret_sha256 FROM api_key WHERE key_id = ?",
                keyId).stream().findFirst();
        if (stored.isEmpty()) {
            return new Attempt(Optional.empty(), Optional.empty(), Optional.of(keyId), "API_KEY_UNKNOWN");
        }
        ApiKey key = stored.get().key();
        boolean matches = MessageDigest.isEqual(sha256(m.group(2)).getBytes(StandardCharsets.US_ASCII),
                stored.get().secretSha256().getBytes(StandardCharsets.US_ASCII));
        if (!matches || key.revoked()) {
            return new Attempt(Optional.empty(), Optional.of(key), Optional.of(keyId),
                    matches ? "API_KEY_REVOKED" : "API_KEY_WRONG_SECRET");
        }
        update("UPDATE api_key SET last_used_at = ? WHERE key_id = ?", s -> {
            s.setTimestamp(1, Timestamp.from(now));
            s.setString(2, keyId);
        });
        return new Attempt(Optional.of(key), Optional.of(key), Optional.of(keyId), "");
    }

    /** Revokes a key by name; false if there is no such key or it was revoked already. */
    public boolean revoke(String name, Instant now) {
        return update("UPDATE api_key SET revoked_at = ? WHERE name = ? AND revoked_at IS NULL", s -> {
            s.setTimestamp(1, Timestamp.from(now));
            s.setString(2, name);
        }) == 1;
    }

    public Optional<ApiKey> find(String name) {
        return query("SELECT " + COLUMNS + ", secret_sha256 FROM api_key WHERE name = ?", name).stream()
                .map(Stored::key).findFirst();
    }

    /** The organisations a key works for ({@code *}: every one of its agency), in order. */
    public List<String> organisations(String name) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT organisation FROM account_organisation WHERE username = ? ORDER BY organisation")) {
            s.setString(1, "apikey." + name);
            List<String> out = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new StoreException("API keys: reading the organisations of " + name + " failed: "
                    + e.getMessage(), e);
        }
    }

    /** Every key, revoked ones too, by name. */
    public List<ApiKey> all() {
        return query("SELECT " + COLUMNS + ", secret_sha256 FROM api_key ORDER BY name", null).stream()
                .map(Stored::key).toList();
    }

    private record Stored(ApiKey key, String secretSha256) {
    }

    private interface Binder {
        void bind(PreparedStatement s) throws SQLException;
    }

    private int update(String sql, Binder binder) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            binder.bind(s);
            return s.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("API keys: " + sql + " failed: " + e.getMessage(), e);
        }
    }

    private List<Stored> query(String sql, String parameter) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            if (parameter != null) {
                s.setString(1, parameter);
            }
            List<Stored> out = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.add(new Stored(new ApiKey(rs.getString(1), rs.getString(2), rs.getString(3),
                            rs.getString(4), rs.getTimestamp(5).toInstant(), rs.getString(6),
                            Optional.ofNullable(rs.getTimestamp(7)).map(Timestamp::toInstant),
                            Optional.ofNullable(rs.getTimestamp(8)).map(Timestamp::toInstant)), rs.getString(9)));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new StoreException("API keys: " + sql + " failed: " + e.getMessage(), e);
        }
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
