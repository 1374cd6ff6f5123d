package org.threadline.app.web.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.threadline.app.web.TestDatabase;
import org.threadline.store.Database;

/** The accounts table on real PostgreSQL (embedded, or THREADLINE_TEST_DB_URL), without the web application around it. */
class AccountStoreTest {
    static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");

    @TempDir
    static Path folder;
    static Database database;
    static AccountStore store;

    @BeforeAll
    static void open() {
        database = TestDatabase.open(folder.resolve("db"));
        store = new AccountStore(database.dataSource());
    }

    @AfterAll
    static void close() {
        database.close();
    }

    static Account account(String username) {
        return new Account(username, "Someone (test)", Agency.HOUSING, Set.of(Role.PARTNER_DATA_OWNER, Role.ANALYST));
    }

    @Test
    void an_account_reads_back_as_saved() {
        store.save(account("reads.back"), "{bcrypt}hash");
        StoredAccount stored = store.find("reads.back").orElseThrow();
        assertThat(stored.account()).isEqualTo(account("reads.back"));
        assertThat(stored.passwordHash()).isEqualTo("{bcrypt}hash");
        assertThat(stored.failedSignIns()).isZero();
        assertThat(stored.lockedUntil()).isEmpty();
        assertThat(stored.enabled()).isTrue();
        assertThat(store.find("nobody")).isEmpty();
    }

    @Test
    void the_failure_that_reaches_the_limit_locks_and_starts_the_count_again() {
        store.save(account("counts.up"), "{bcrypt}hash");
        assertThat(store.recordFailure("counts.up", NOW, 3, Duration.ofMinutes(15))).isFalse();
        assertThat(store.recordFailure("counts.up", NOW, 3, Duration.ofMinutes(15))).isFalse();
        assertThat(store.find("counts.up").orElseThrow().failedSignIns()).isEqualTo(2);
        assertThat(store.recordFailure("counts.up", NOW, 3, Duration.ofMinutes(15))).isTrue();
        StoredAccount locked = store.find("counts.up").orElseThrow();
        assertThat(locked.failedSignIns()).isZero();
        assertThat(locked.lockedAt(NOW.plus(Duration.ofMinutes(14)))).isTrue();
        assertThat(locked.lockedAt(NOW.plus(Duration.ofMinutes(15)))).isFalse();
    }

    @Test
    void saving_again_lifts_a_lock_and_a_success_clears_the_count() {
        store.save(account("lifted"), "{bcrypt}old");
        store.recordFailure("lifted", NOW, 1, Duration.ofMinutes(15));
        assertThat(store.find("lifted").orElseThrow().lockedAt(NOW)).isTrue();
        store.save(account("lifted"), "{bcrypt}new");
        assertThat(store.find("lifted").orElseThrow().lockedAt(NOW)).isFalse();
        store.recordFailure("lifted", NOW, 5, Duration.ofMinutes(15));
        store.recordSuccess("lifted");
        assertThat(store.find("lifted").orElseThrow().failedSignIns()).isZero();
    }

    @Test
    void an_unknown_username_records_nothing_and_is_not_locked() {
        assertThat(store.recordFailure("no.such.account", NOW, 1, Duration.ofMinutes(15))).isFalse();
        assertThat(store.find("no.such.account")).isEmpty();
    }

    @Test
    void concurrent_failures_lose_no_count() throws Exception {
        store.save(account("hammered"), "{bcrypt}hash");
        int attempts = 40;
        int limit = 1000;
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int i = 0; i < attempts; i++) {
                results.add(pool.submit(() -> store.recordFailure("hammered", NOW, limit, Duration.ofMinutes(1))));
            }
            for (Future<Boolean> r : results) {
                assertThat(r.get()).isFalse();
            }
        } finally {
            pool.shutdown();
        }
        assertThat(store.find("hammered").orElseThrow().failedSignIns()).isEqualTo(attempts);
    }
}
