package org.threadline.app.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.threadline.app.web.security.SignInThrottle.Allowed;
import org.threadline.app.web.security.SignInThrottle.Episode;
import org.threadline.app.web.security.SignInThrottle.Key;
import org.threadline.app.web.security.SignInThrottle.Refused;
import org.threadline.app.web.security.SignInThrottle.Scope;

/** The sliding window of failed attempts (ADR 0026), on a clock moved by hand. */
class SignInThrottleTest {
    static final Duration WINDOW = Duration.ofMinutes(15);
    static final Key NAME = new Key(Scope.NAME, "someone");
    static final Key ADDRESS = new Key(Scope.ADDRESS, "192.0.2.7");

    /** A clock the test moves. */
    static final class Hand extends Clock {
        Instant now = Instant.parse("2026-03-02T09:00:00Z");

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }

    final Hand clock = new Hand();
    final SignInThrottle throttle = SignInThrottle.inMemory(clock, WINDOW, 3, 5, 100);

    @Test
    void n_failures_within_the_window_are_allowed_and_the_next_attempt_is_refused_with_the_exact_wait() {
        for (int i = 0; i < 3; i++) {
            checkedAndFailed(throttle, List.of(NAME));
            clock.now = clock.now.plusSeconds(60);
        }
        SignInThrottle.Decision d = throttle.check(List.of(NAME));
        assertThat(d).isInstanceOf(Refused.class);
        Refused r = (Refused) d;
        assertThat(r.by()).isEqualTo(NAME);
        assertThat(r.started()).isTrue();
        // The first failure was three minutes ago: it leaves the window in twelve.
        assertThat(r.retryAfter()).isEqualTo(Duration.ofMinutes(12));
        assertThat(((Refused) throttle.check(List.of(NAME))).started()).as("one episode, started once").isFalse();
    }

    @Test
    void refused_attempts_do_not_extend_the_window_and_the_refusal_lifts_when_the_oldest_failure_leaves_it() {
        for (int i = 0; i < 3; i++) {
            throttle.failed(List.of(NAME));
        }
        for (int i = 0; i < 100; i++) {
            clock.now = clock.now.plusSeconds(5);
            assertThat(throttle.check(List.of(NAME))).isInstanceOf(Refused.class);
        }
        clock.now = Instant.parse("2026-03-02T09:15:00Z");
        assertThat(throttle.check(List.of(NAME))).as("exactly the window after the failures").isInstanceOf(
                Allowed.class);
        List<Episode> ended = throttle.drainEnded();
        assertThat(ended).singleElement().satisfies(e -> {
            assertThat(e.key()).isEqualTo(NAME);
            assertThat(e.refused()).isEqualTo(100);
        });
        assertThat(throttle.drainEnded()).as("each episode is given once").isEmpty();
    }

    @Test
    void the_address_limit_is_counted_apart_from_the_name_limit() {
        for (int i = 0; i < 5; i++) {
            checkedAndFailed(throttle, List.of(new Key(Scope.NAME, "name-" + i), ADDRESS));
        }
        SignInThrottle.Decision d = throttle.check(List.of(new Key(Scope.NAME, "fresh"), ADDRESS));
        assertThat(d).isInstanceOf(Refused.class);
        assertThat(((Refused) d).by()).isEqualTo(ADDRESS);
        assertThat(throttle.check(List.of(new Key(Scope.NAME, "fresh"), new Key(Scope.ADDRESS, "192.0.2.8"))))
                .as("another address is not refused").isInstanceOf(Allowed.class);
    }

    @Test
    void success_forgets_the_names_failures() {
        throttle.failed(List.of(NAME));
        throttle.failed(List.of(NAME));
        throttle.succeeded(((Allowed) throttle.check(List.of(NAME))).reservation());
        throttle.failed(List.of(NAME));
        throttle.failed(List.of(NAME));
        assertThat(throttle.check(List.of(NAME))).isInstanceOf(Allowed.class);
    }

    @Test
    void a_flood_of_made_up_names_keeps_at_most_max_tracked_keys_and_a_refusing_episode_ends_when_forgotten() {
        long seed = 26L;
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < 3; i++) {
            throttle.failed(List.of(NAME));
        }
        throttle.check(List.of(NAME));
        for (int i = 0; i < 10_000; i++) {
            throttle.failed(List.of(new Key(Scope.NAME, "n" + random.nextLong())));
        }
        assertThat(throttle.tracked()).as("seed %d", seed).isLessThanOrEqualTo(100);
        assertThat(throttle.drainEnded()).as("the forgotten episode is reported, seed %d", seed)
                .extracting(Episode::key).contains(NAME);
    }

    /** An attempt let through by the check, whose password turns out wrong. */
    static void checkedAndFailed(SignInThrottle throttle, List<Key> keys) {
        SignInThrottle.Decision d = throttle.check(keys);
        assertThat(d).isInstanceOf(Allowed.class);
        throttle.failed(((Allowed) d).reservation());
    }

    @Test
    void the_wait_is_said_in_whole_minutes_or_seconds_rounded_up() {
        assertThat(SignInThrottle.words(Duration.ofMinutes(12))).isEqualTo("12 minutes");
        assertThat(SignInThrottle.words(Duration.ofSeconds(61))).isEqualTo("2 minutes");
        assertThat(SignInThrottle.words(Duration.ofSeconds(60))).isEqualTo("1 minute");
        assertThat(SignInThrottle.words(Duration.ofMillis(44_200))).isEqualTo("45 seconds");
        assertThat(SignInThrottle.words(Duration.ZERO)).isEqualTo("1 second");
    }
}
