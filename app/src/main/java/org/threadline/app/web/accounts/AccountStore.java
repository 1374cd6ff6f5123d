package org.threadline.app.web.accounts;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code accounts} table (migration V5). Plain SQL, no ORM. */
@Repository
public class AccountStore {
    private final JdbcClient jdbc;

    public AccountStore(DataSource dataSource) {
        this.jdbc = JdbcClient.create(dataSource);
    }

    /** Creates the account, or replaces its details and password and lifts any lock if it exists. */
    public void save(Account account, String passwordHash) {
        jdbc.sql("""
                INSERT INTO accounts (username, display_name, agency, roles, password_hash)
                VALUES (:username, :displayName, :agency, CAST(:roles AS text[]), :hash)
                ON CONFLICT (username) DO UPDATE SET display_name = EXCLUDED.display_name,
                    agency = EXCLUDED.agency, roles = EXCLUDED.roles, password_hash = EXCLUDED.password_hash,
                    failed_sign_ins = 0, locked_until = NULL, enabled = true, updated_at = now()
                """)
                .param("username", account.username())
                .param("displayName", account.displayName())
                .param("agency", account.agency().name())
                .param("roles", account.roles().stream().map(Role::name).sorted()
                        .collect(Collectors.joining(",", "{", "}")))
                .param("hash", passwordHash)
                .update();
    }

    /**
     * Every account that may sign in (not disabled): whom a break-glass notification can reach (ADR 0026). Small
     * (the staff of a partnership), read whole.
     */
    public java.util.List<Account> enabled() {
        return jdbc.sql("""
                SELECT username, display_name, agency, roles, password_hash, failed_sign_ins, locked_until, enabled
                FROM accounts WHERE enabled ORDER BY username
                """)
                .query((rs, n) -> read(rs).account())
                .list();
    }

    public Optional<StoredAccount> find(String username) {
        return jdbc.sql("""
                SELECT username, display_name, agency, roles, password_hash, failed_sign_ins, locked_until, enabled
                FROM accounts WHERE username = :username
                """)
                .param("username", username)
                .query((rs, n) -> read(rs))
                .optional();
    }

    /**
     * Counts a failed sign-in; the failure that reaches {@code limit} locks the account until {@code now + lockout}
     * and starts the count again. One statement, so that concurrent attempts cannot lose a count.
     *
     * @return whether the account is locked now (false for an unknown username)
     */
    public boolean recordFailure(String username, Instant now, int limit, Duration lockout) {
        return jdbc.sql("""
                UPDATE accounts SET
                    locked_until = CASE WHEN failed_sign_ins + 1 >= :limit THEN :until ELSE locked_until END,
                    failed_sign_ins = CASE WHEN failed_sign_ins + 1 >= :limit THEN 0 ELSE failed_sign_ins + 1 END,
                    updated_at = now()
                WHERE username = :username
                RETURNING locked_until
                """)
                .param("limit", limit)
                .param("until", Timestamp.from(now.plus(lockout)))
                .param("username", username)
                .query((rs, n) -> {
                    Timestamp until = rs.getTimestamp(1);
                    return until != null && now.isBefore(until.toInstant());
                })
                .optional().orElse(false);
    }

    /** A successful sign-in clears the count of failures. */
    public void recordSuccess(String username) {
        jdbc.sql("UPDATE accounts SET failed_sign_ins = 0, updated_at = now() WHERE username = :username")
                .param("username", username).update();
    }

    private static StoredAccount read(ResultSet rs) throws SQLException {
        Array array = rs.getArray("roles");
        Set<Role> roles = EnumSet.noneOf(Role.class);
        Arrays.stream((String[]) array.getArray()).map(Role::valueOf).forEach(roles::add);
        Account account = new Account(rs.getString("username"), rs.getString("display_name"),
                Agency.valueOf(rs.getString("agency")), roles);
        Timestamp until = rs.getTimestamp("locked_until");
        return new StoredAccount(account, rs.getString("password_hash"), rs.getInt("failed_sign_ins"),
                Optional.ofNullable(until).map(Timestamp::toInstant), rs.getBoolean("enabled"));
    }
}
