package org.threadline.app.web.accounts;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The people who have signed in through the organisation's OpenID provider (the {@code oidc_principal} table,
 * migration V26; ADR 0026 as amended 2026-11-27). Their account is made from the ID token at each sign-in and kept
 * nowhere else (ADR 0021), so this is the only place that knows such a person holds a role: what a break-glass
 * notification needs to know whether anyone can receive it. Each sign-in rewrites the row with what the provider
 * asserted then; no token, and no claim beyond the account's, is stored.
 */
@Repository
public class OidcPrincipals {
    private final JdbcClient jdbc;

    public OidcPrincipals(DataSource dataSource) {
        this.jdbc = JdbcClient.create(dataSource);
    }

    /**
     * One principal as last seen.
     *
     * @param issuer the provider's issuer
     * @param subject the provider's stable id for the person ({@code sub})
     * @param account the account the provider's claims came to at that sign-in
     */
    public record Principal(String issuer, String subject, Account account, Instant firstSeen, Instant lastSeen) {
        public Principal {
            Objects.requireNonNull(issuer, "issuer");
            Objects.requireNonNull(subject, "subject");
            Objects.requireNonNull(account, "account");
        }

        /** Whether this principal signed in at or after {@code since}: whether their roles still count. */
        public boolean seenSince(Instant since) {
            return !lastSeen.isBefore(since);
        }
    }

    /**
     * Records a sign-in: the first one inserts the row, each later one replaces the account's details and roles with
     * what the provider asserted now and moves {@code last_seen} (never backwards: a clock set back does not make a
     * principal look older than it was).
     */
    public void signedIn(String issuer, String subject, Account account, Instant now) {
        jdbc.sql("""
                INSERT INTO oidc_principal (issuer, subject, username, display_name, agency, roles, first_seen,
                                            last_seen)
                VALUES (:issuer, :subject, :username, :displayName, :agency, CAST(:roles AS text[]), :now, :now)
                ON CONFLICT (issuer, subject) DO UPDATE SET username = EXCLUDED.username,
                    display_name = EXCLUDED.display_name, agency = EXCLUDED.agency, roles = EXCLUDED.roles,
                    last_seen = greatest(oidc_principal.last_seen, EXCLUDED.last_seen)
                """)
                .param("issuer", issuer)
                .param("subject", subject)
                .param("username", account.username())
                .param("displayName", account.displayName())
                .param("agency", account.agency().name())
                .param("roles", account.roles().stream().map(Role::name).sorted()
                        .collect(Collectors.joining(",", "{", "}")))
                .param("now", Timestamp.from(now))
                .update();
    }

    /** Every principal, seen recently or not (the staff of a partnership: read whole), newest sign-in first. */
    public List<Principal> all() {
        return jdbc.sql("""
                SELECT issuer, subject, username, display_name, agency, roles, first_seen, last_seen
                FROM oidc_principal ORDER BY last_seen DESC, issuer, subject
                """)
                .query((rs, n) -> read(rs))
                .list().stream().flatMap(Optional::stream).toList();
    }

    public Optional<Principal> find(String issuer, String subject) {
        return jdbc.sql("""
                SELECT issuer, subject, username, display_name, agency, roles, first_seen, last_seen
                FROM oidc_principal WHERE issuer = :issuer AND subject = :subject
                """)
                .param("issuer", issuer)
                .param("subject", subject)
                .query((rs, n) -> read(rs))
                .optional().flatMap(p -> p);
    }

    /** Empty for a row none of whose roles this release knows: it holds no role that can be notified. */
    private static Optional<Principal> read(ResultSet rs) throws SQLException {
        Array array = rs.getArray("roles");
        Set<Role> roles = EnumSet.noneOf(Role.class);
        // A role this release no longer knows is skipped, as PersonClaims skips the provider's unknown roles.
        Arrays.stream((String[]) array.getArray()).forEach(r -> {
            try {
                roles.add(Role.valueOf(r));
            } catch (IllegalArgumentException e) {
                // not a role of this release
            }
        });
        if (roles.isEmpty()) {
            return Optional.empty();
        }
        Account account = new Account(rs.getString("username"), rs.getString("display_name"),
                Agency.valueOf(rs.getString("agency")), roles);
        return Optional.of(new Principal(rs.getString("issuer"), rs.getString("subject"), account,
                rs.getTimestamp("first_seen").toInstant(), rs.getTimestamp("last_seen").toInstant()));
    }
}
