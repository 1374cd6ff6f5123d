package org.threadline.app.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.threadline.app.web.TestDatabase;
import org.threadline.app.web.security.SignInThrottle.Allowed;
import org.threadline.app.web.security.SignInThrottle.Decision;
import org.threadline.app.web.security.SignInThrottle.Episode;
import org.threadline.app.web.security.SignInThrottle.Key;
import org.threadline.app.web.security.SignInThrottle.Refused;
import org.threadline.app.web.security.SignInThrottle.Scope;
import org.threadline.store.Database;

/**
 * The throttle's counts in PostgreSQL (V25; ADR 0026 as amended on 2026-11-27), on real PostgreSQL: two throttles on
 * one database are two servers behind a load balancer, and a new throttle is a server after a restart.
 */
class StoredThrottleTest {
    static final Duration WINDOW = Duration.ofMinutes(15);
    static final int PER_NAME = 3;
    static final int PER_ADDRESS = 5;

    @TempDir
    static Path folder;
    static Database database;
    static StoredThrottleState.Secret secret;

    final SignInThrottleTest.Hand clock = new SignInThrottleTest.Hand();

    @BeforeAll
    static void open() {
        database = TestDatabase.open(folder.resolve("db"));
        secret = StoredThrottleState.secret(folder.resolve("home/keys"));
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

    /** A server: its own throttle object, on the shared database, with the shared secret file. */
    SignInThrottle server(Throttling.Channel channel) {
        return new SignInThrottle(clock, WINDOW, PER_NAME, PER_ADDRESS,
                new StoredThrottleState(database.dataSource(), channel,
                        StoredThrottleState.secret(folder.resolve("home/keys"))));
    }

    SignInThrottle server() {
        return server(Throttling.Channel.SIGN_IN);
    }

    static Key name(String value) {
        return new Key(Scope.NAME, value);
    }

    @Test
    void the_limit_holds_across_two_servers_sharing_one_database() {
        SignInThrottle a = server();
        SignInThrottle b = server();
        Key someone = name("someone");
        // Failures alternate between the servers, as a load balancer would send them.
        for (int i = 0; i < PER_NAME; i++) {
            SignInThrottleTest.checkedAndFailed(i % 2 == 0 ? a : b, List.of(someone));
            clock.now = clock.now.plusSeconds(60);
        }
        assertThat(a.check(List.of(someone))).as("server a counts b's failures").isInstanceOf(Refused.class);
        Decision onB = b.check(List.of(someone));
        assertThat(onB).as("server b counts a's failures").isInstanceOf(Refused.class);
        assertThat(((Refused) onB).started()).as("one episode for both servers, started once").isFalse();
        assertThat(((Refused) onB).retryAfter()).as("the oldest failure, three minutes ago, leaves in twelve")
                .isEqualTo(Duration.ofMinutes(12));
    }

    @Test
    void the_counts_survive_a_restart() {
        SignInThrottle before = server();
        Key address = new Key(Scope.ADDRESS, "192.0.2.7");
        for (int i = 0; i < PER_ADDRESS; i++) {
            before.failed(List.of(name("guess-" + i), address));
        }
        assertThat(before.check(List.of(address))).isInstanceOf(Refused.class);

        clock.now = clock.now.plusSeconds(30);
        SignInThrottle after = server();
        Decision d = after.check(List.of(name("fresh"), address));
        assertThat(d).as("a new server on the same database still refuses").isInstanceOf(Refused.class);
        assertThat(((Refused) d).by()).isEqualTo(address);
        assertThat(((Refused) d).retryAfter()).isEqualTo(WINDOW.minusSeconds(30));
        assertThat(((Refused) d).started()).as("the episode begun before the restart goes on").isFalse();

        clock.now = clock.now.plus(WINDOW);
        assertThat(after.check(List.of(address))).isInstanceOf(Allowed.class);
        assertThat(after.drainEnded()).singleElement().satisfies(e -> {
            assertThat(e.key()).isEqualTo(address);
            assertThat(e.refused()).as("refusals on both sides of the restart").isEqualTo(2);
        });
    }

    @Test
    void the_sign_in_form_and_the_api_count_apart_on_one_table() {
        SignInThrottle form = server(Throttling.Channel.SIGN_IN);
        SignInThrottle api = server(Throttling.Channel.API);
        for (int i = 0; i < PER_NAME; i++) {
            form.failed(List.of(name("0123456789abcdef")));
        }
        assertThat(form.check(List.of(name("0123456789abcdef")))).isInstanceOf(Refused.class);
        assertThat(api.check(List.of(name("0123456789abcdef")))).isInstanceOf(Allowed.class);
    }

    @Test
    void concurrent_failures_on_two_servers_are_all_counted_and_one_episode_starts_once() throws Exception {
        long seed = 20261127L;
        Random random = new Random(seed);
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            SignInThrottle[] servers = {server(), server()};
            for (int round = 0; round < 12; round++) {
                int threads = 2 + random.nextInt(5);
                int failures = random.nextInt(2 * PER_NAME + 1);
                Key key = name("round-" + round + "-" + random.nextInt(1_000_000));
                // Failures spread over threads and both servers, all released at once.
                CountDownLatch go = new CountDownLatch(1);
                List<Future<?>> done = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    int mine = failures / threads + (t < failures % threads ? 1 : 0);
                    SignInThrottle on = servers[random.nextInt(2)];
                    done.add(pool.submit(() -> {
                        go.await();
                        for (int i = 0; i < mine; i++) {
                            on.failed(List.of(key));
                        }
                        return null;
                    }));
                }
                go.countDown();
                for (Future<?> f : done) {
                    f.get();
                }
                String what = "seed %d, round %d: %d failures from %d threads".formatted(seed, round, failures,
                        threads);
                assertThat(stored(key)).as("no failure lost and none kept past the limit, " + what)
                        .isEqualTo(Math.min(failures, PER_NAME));

                // Then concurrent attempts on both servers: as many let through as the limit has room for (each then
                // in flight, holding its slot), the rest refused, and a refusing episode started (audited) by exactly
                // one of them.
                CountDownLatch again = new CountDownLatch(1);
                List<Future<Decision>> decisions = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    SignInThrottle on = servers[t % 2];
                    decisions.add(pool.submit(() -> {
                        again.await();
                        return on.check(List.of(key));
                    }));
                }
                again.countDown();
                int started = 0;
                List<SignInThrottle.Reservation> inFlight = new ArrayList<>();
                for (Future<Decision> f : decisions) {
                    Decision d = f.get();
                    if (d instanceof Refused r && r.started()) {
                        started++;
                    }
                    if (d instanceof Allowed a) {
                        inFlight.add(a.reservation());
                    }
                }
                int room = Math.max(0, PER_NAME - failures);
                assertThat(inFlight).as("let through, " + what).hasSize(Math.min(room, threads));
                int refused = threads - inFlight.size();
                assertThat(started).as("episodes started, " + what).isEqualTo(refused > 0 ? 1 : 0);
                inFlight.forEach(servers[1]::released);
                if (refused > 0) {
                    servers[0].succeeded(SignInThrottle.Reservation.none(List.of(key)));
                    assertThat(servers[0].drainEnded()).as("the episode's end counts every refusal, " + what)
                            .extracting(Episode::refused).containsExactly((long) refused);
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void the_table_holds_no_username_key_id_or_address_only_keyed_hashes() throws Exception {
        SignInThrottle form = server(Throttling.Channel.SIGN_IN);
        SignInThrottle api = server(Throttling.Channel.API);
        form.failed(List.of(name("alice.smith"), new Key(Scope.ADDRESS, "192.0.2.55")));
        api.failed(List.of(name("0123456789abcdef"), new Key(Scope.ADDRESS, "2001:db8::1")));

        StringBuilder all = new StringBuilder();
        List<String> hashes = new ArrayList<>();
        try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT t::text, encode(key_hash, 'hex') FROM sign_in_throttle t")) {
            while (r.next()) {
                all.append(r.getString(1)).append('\n');
                hashes.add(r.getString(2));
            }
        }
        assertThat(hashes).hasSize(4);
        String table = all.toString();
        for (String clear : List.of("alice.smith", "192.0.2.55", "0123456789abcdef", "2001:db8::1")) {
            assertThat(table).doesNotContain(clear);
            assertThat(table).doesNotContain(HexFormat.of().formatHex(clear.getBytes(StandardCharsets.UTF_8)));
            // Keyed: a plain SHA-256 of an address could be reversed by hashing all four billion of them.
            String plain = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(clear.getBytes(StandardCharsets.UTF_8)));
            assertThat(hashes).doesNotContain(plain);
        }
    }

    @Test
    void windows_expire_and_their_rows_are_deleted() throws Exception {
        SignInThrottle a = server();
        Key someone = name("someone");
        for (int i = 0; i < PER_NAME; i++) {
            a.failed(List.of(someone, new Key(Scope.ADDRESS, "192.0.2.9")));
        }
        a.failed(List.of(name("once")));
        assertThat(a.check(List.of(someone))).isInstanceOf(Refused.class);
        assertThat(rows()).isEqualTo(3);

        clock.now = clock.now.plus(WINDOW);
        // Another server's attempt for another name sweeps what left the window, ending the episode there.
        SignInThrottle b = server();
        Decision unrelated = b.check(List.of(name("unrelated")));
        assertThat(unrelated).isInstanceOf(Allowed.class);
        assertThat(rows()).as("every window is over: only the attempt in flight holds a row").isOne();
        b.released(((Allowed) unrelated).reservation());
        assertThat(rows()).as("released, nothing is left").isZero();
        assertThat(b.drainEnded()).singleElement().satisfies(e -> {
            assertThat(e.key().scope()).isEqualTo(Scope.NAME);
            assertThat(e.key().value()).as("only the hash was kept").isEmpty();
            assertThat(e.refused()).isEqualTo(1);
        });
        assertThat(a.check(List.of(someone))).isInstanceOf(Allowed.class);
    }

    @Test
    void the_secret_is_made_once_and_read_back_the_same() throws Exception {
        Path keys = folder.resolve("other-home/keys");
        StoredThrottleState first = new StoredThrottleState(database.dataSource(), Throttling.Channel.SIGN_IN,
                StoredThrottleState.secret(keys));
        StoredThrottleState again = new StoredThrottleState(database.dataSource(), Throttling.Channel.SIGN_IN,
                StoredThrottleState.secret(keys));
        StoredThrottleState elsewhere = new StoredThrottleState(database.dataSource(), Throttling.Channel.SIGN_IN,
                secret);
        assertThat(first.hash(name("x"))).isEqualTo(again.hash(name("x")))
                .isNotEqualTo(elsewhere.hash(name("x")));
        assertThat(java.nio.file.Files.getPosixFilePermissions(keys.resolve(StoredThrottleState.SECRET_FILE)))
                .extracting(Object::toString).containsExactlyInAnyOrder("OWNER_READ", "OWNER_WRITE");
    }

    private static int stored(Key key) throws Exception {
        try (Connection c = database.dataSource().getConnection();
             java.sql.PreparedStatement s = c.prepareStatement("SELECT cardinality(failures) FROM sign_in_throttle"
                     + " WHERE scope = 'NAME' AND key_hash = ?")) {
            s.setBytes(1, new StoredThrottleState(database.dataSource(), Throttling.Channel.SIGN_IN, secret)
                    .hash(key));
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? r.getInt(1) : 0;
            }
        }
    }

    private static int rows() throws Exception {
        try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT count(*) FROM sign_in_throttle")) {
            r.next();
            return r.getInt(1);
        }
    }
}
