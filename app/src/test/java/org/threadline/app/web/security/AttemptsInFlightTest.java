package org.threadline.app.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.threadline.app.web.TestDatabase;
import org.threadline.app.web.security.SignInThrottle.Allowed;
import org.threadline.app.web.security.SignInThrottle.Decision;
import org.threadline.app.web.security.SignInThrottle.Key;
import org.threadline.app.web.security.SignInThrottle.Refused;
import org.threadline.app.web.security.SignInThrottle.Reservation;
import org.threadline.app.web.security.SignInThrottle.Scope;
import org.threadline.store.Database;

/**
 * Attempts in flight count against the throttle's limit (issues #7 and #8; ADR 0026, amended 2026-11-27), on real
 * PostgreSQL with two throttles on one database as two servers: however many wrong passwords arrive at the same moment,
 * at most the limit of them are checked; a success frees its slot at once; a slot whose outcome never comes (the
 * server stopped) stops counting after {@link SignInThrottle#IN_FLIGHT_EXPIRY}.
 */
class AttemptsInFlightTest {
    static final Duration WINDOW = Duration.ofMinutes(15);
    static final int PER_NAME = 3;
    static final int PER_ADDRESS = 5;

    @TempDir
    static Path folder;
    static Database database;

    final SignInThrottleTest.Hand clock = new SignInThrottleTest.Hand();
    final ExecutorService pool = Executors.newFixedThreadPool(24);

    @BeforeAll
    static void open() {
        database = TestDatabase.open(folder.resolve("db"));
    }

    @AfterAll
    static void close() {
        database.close();
    }

    @BeforeEach
    void empty() throws Exception {
        try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("DELETE FROM sign_in_throttle");
        }
    }

    @AfterEach
    void stop() {
        pool.shutdownNow();
    }

    SignInThrottle server() {
        return new SignInThrottle(clock, WINDOW, PER_NAME, PER_ADDRESS, state());
    }

    StoredThrottleState state() {
        return new StoredThrottleState(database.dataSource(), Throttling.Channel.SIGN_IN,
                StoredThrottleState.secret(folder.resolve("home/keys")));
    }

    static Key name(String value) {
        return new Key(Scope.NAME, value);
    }

    static Key address(String value) {
        return new Key(Scope.ADDRESS, value);
    }

    /**
     * {@code attempts} attempts released at once, spread over both servers, each naming the keys {@code keysOf}
     * gives it; each one let through is checked (counted here) and its password found wrong only once every attempt
     * has been decided, so all are in flight together. Returns how many were checked.
     */
    int wrongPasswordsAtOnce(SignInThrottle[] servers, int attempts, java.util.function.IntFunction<List<Key>> keysOf)
            throws Exception {
        CountDownLatch go = new CountDownLatch(1);
        CountDownLatch decided = new CountDownLatch(attempts);
        AtomicInteger checked = new AtomicInteger();
        List<Future<?>> done = new ArrayList<>();
        for (int i = 0; i < attempts; i++) {
            SignInThrottle on = servers[i % servers.length];
            List<Key> keys = keysOf.apply(i);
            done.add(pool.submit(() -> {
                go.await();
                Decision d = on.check(keys);
                decided.countDown();
                if (d instanceof Allowed a) {
                    checked.incrementAndGet(); // the password hash would be computed here
                    decided.await(20, TimeUnit.SECONDS);
                    on.failed(a.reservation());
                }
                return null;
            }));
        }
        go.countDown();
        for (Future<?> f : done) {
            f.get(60, TimeUnit.SECONDS);
        }
        return checked.get();
    }

    @Test
    void wrong_passwords_for_one_name_sent_at_once_to_two_servers_are_checked_at_most_the_limit_times()
            throws Exception {
        SignInThrottle[] servers = {server(), server()};
        int checked = wrongPasswordsAtOnce(servers, 24, i -> List.of(name("someone"), address("192.0.2." + i)));
        assertThat(checked).as("passwords checked out of 24 sent at once").isEqualTo(PER_NAME);
        assertThat(servers[0].check(List.of(name("someone")))).isInstanceOf(Refused.class);
    }

    @Test
    void many_names_from_one_address_sent_at_once_are_checked_at_most_the_address_limit_times() throws Exception {
        SignInThrottle[] servers = {server(), server()};
        int checked = wrongPasswordsAtOnce(servers, 24, i -> List.of(name("guess-" + i), address("192.0.2.1")));
        assertThat(checked).as("passwords checked out of 24 sent at once").isEqualTo(PER_ADDRESS);
    }

    @Test
    void in_seeded_rounds_of_concurrent_attempts_the_checks_never_pass_what_the_earlier_failures_left()
            throws Exception {
        long seed = 20261127L;
        Random random = new Random(seed);
        SignInThrottle[] servers = {server(), server()};
        for (int round = 0; round < 8; round++) {
            Key key = name("round-" + round);
            int earlier = random.nextInt(PER_NAME + 1);
            int attempts = 2 + random.nextInt(12);
            for (int i = 0; i < earlier; i++) {
                servers[i % 2].failed(List.of(key));
            }
            int checked = wrongPasswordsAtOnce(servers, attempts, i -> List.of(key));
            assertThat(checked).as("seed %d, round %d: %d earlier failures, %d attempts at once", seed, round,
                    earlier, attempts).isEqualTo(Math.min(attempts, PER_NAME - earlier));
        }
    }

    @Test
    void a_success_frees_its_slot_at_once_and_other_attempts_in_flight_still_count() {
        SignInThrottle a = server();
        SignInThrottle b = server();
        Key someone = name("someone");
        List<Reservation> inFlight = new ArrayList<>();
        for (int i = 0; i < PER_NAME; i++) {
            inFlight.add(((Allowed) (i % 2 == 0 ? a : b).check(List.of(someone))).reservation());
        }
        Decision full = a.check(List.of(someone));
        assertThat(full).as("the limit is taken by attempts in flight").isInstanceOf(Refused.class);
        assertThat(((Refused) full).retryAfter()).as("they end at the latest when their slots expire")
                .isEqualTo(SignInThrottle.IN_FLIGHT_EXPIRY);

        b.succeeded(inFlight.get(0));
        Decision next = a.check(List.of(someone));
        assertThat(next).as("the success's slot is free").isInstanceOf(Allowed.class);
        assertThat(b.check(List.of(someone))).as("the two others and this one still count")
                .isInstanceOf(Refused.class);
    }

    @Test
    void a_success_frees_its_slot_on_the_address_too() {
        SignInThrottle a = server();
        Key proxy = address("192.0.2.80");
        List<Reservation> inFlight = new ArrayList<>();
        for (int i = 0; i < PER_ADDRESS; i++) {
            inFlight.add(((Allowed) a.check(List.of(name("person-" + i), proxy))).reservation());
        }
        assertThat(a.check(List.of(name("one-more"), proxy))).isInstanceOf(Refused.class);
        a.succeeded(inFlight.get(3));
        assertThat(a.check(List.of(name("one-more"), proxy))).isInstanceOf(Allowed.class);
    }

    @Test
    void a_reservation_abandoned_by_a_stopped_server_stops_counting_when_it_expires() throws Exception {
        SignInThrottle stopped = server();
        Key someone = name("someone");
        for (int i = 0; i < PER_NAME; i++) {
            assertThat(stopped.check(List.of(someone))).isInstanceOf(Allowed.class);
        }
        // The server stops here: no outcome ever comes for its three attempts.
        SignInThrottle other = server();
        clock.now = clock.now.plus(SignInThrottle.IN_FLIGHT_EXPIRY).minusSeconds(1);
        Decision still = other.check(List.of(someone));
        assertThat(still).isInstanceOf(Refused.class);
        assertThat(((Refused) still).retryAfter()).isEqualTo(Duration.ofSeconds(1));

        clock.now = clock.now.plusSeconds(1);
        Decision after = other.check(List.of(someone));
        assertThat(after).as("a crash locks no one out for longer than the expiry").isInstanceOf(Allowed.class);
        other.released(((Allowed) after).reservation());
        assertThat(storedRow(someone)).as("released, with no failure and its episode ended: nothing is left")
                .isFalse();

        Key forgotten = name("forgotten");
        assertThat(stopped.check(List.of(forgotten))).isInstanceOf(Allowed.class);
        clock.now = clock.now.plus(SignInThrottle.IN_FLIGHT_EXPIRY).plusSeconds(1);
        assertThat(other.check(List.of(name("unrelated")))).isInstanceOf(Allowed.class);
        assertThat(storedRow(forgotten)).as("the sweep deletes a row whose only slot expired").isFalse();
    }

    @Test
    void a_failure_whose_slot_expired_meanwhile_is_counted_all_the_same() {
        SignInThrottle a = server();
        Key someone = name("someone");
        Reservation slow = ((Allowed) a.check(List.of(someone))).reservation();
        clock.now = clock.now.plus(SignInThrottle.IN_FLIGHT_EXPIRY).plusSeconds(5);
        a.failed(slow);
        a.failed(List.of(someone));
        a.failed(List.of(someone));
        assertThat(a.check(List.of(someone))).as("three failures: the slow one counted").isInstanceOf(Refused.class);
    }

    @Test
    void the_in_memory_throttle_counts_attempts_in_flight_the_same_way() {
        SignInThrottle memory = SignInThrottle.inMemory(clock, WINDOW, PER_NAME, PER_ADDRESS, 100);
        Key someone = name("someone");
        List<Reservation> inFlight = new ArrayList<>();
        for (int i = 0; i < PER_NAME; i++) {
            inFlight.add(((Allowed) memory.check(List.of(someone))).reservation());
        }
        assertThat(memory.check(List.of(someone))).isInstanceOf(Refused.class);
        memory.released(inFlight.get(1));
        assertThat(memory.check(List.of(someone))).isInstanceOf(Allowed.class);
        clock.now = clock.now.plus(SignInThrottle.IN_FLIGHT_EXPIRY);
        assertThat(memory.check(List.of(someone))).as("the rest expired").isInstanceOf(Allowed.class);
    }

    private boolean storedRow(Key key) throws Exception {
        try (Connection c = database.dataSource().getConnection();
             PreparedStatement s = c.prepareStatement("SELECT 1 FROM sign_in_throttle WHERE key_hash = ?")) {
            s.setBytes(1, state().hash(key));
            try (ResultSet r = s.executeQuery()) {
                return r.next();
            }
        }
    }
}
