package org.threadline.app.nightly;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class NightlyScheduleTest {
    static final ZoneId LONDON = ZoneId.of("Europe/London");
    static final LocalTime TWO = LocalTime.of(2, 0);

    @Test
    void the_next_run_is_the_next_time_the_london_clock_reads_the_hour() {
        assertThat(NightlyJobs.nextRun(Instant.parse("2026-11-27T01:59:00Z"), TWO, LONDON))
                .isEqualTo(Instant.parse("2026-11-27T02:00:00Z"));
        assertThat(NightlyJobs.nextRun(Instant.parse("2026-11-27T02:00:00Z"), TWO, LONDON))
                .as("not again at the moment it ran").isEqualTo(Instant.parse("2026-11-28T02:00:00Z"));
        assertThat(NightlyJobs.nextRun(Instant.parse("2026-07-01T00:30:00Z"), TWO, LONDON))
                .as("British Summer Time").isEqualTo(Instant.parse("2026-07-01T01:00:00Z"));
    }

    @Test
    void a_time_the_spring_change_skips_runs_an_hour_later_and_one_the_autumn_change_repeats_runs_once() {
        // 29 March 2026: 01:00 GMT becomes 02:00 BST, so 01:30 does not happen: the jobs run at 02:30 BST
        assertThat(NightlyJobs.nextRun(Instant.parse("2026-03-29T00:00:00Z"), LocalTime.of(1, 30), LONDON))
                .isEqualTo(Instant.parse("2026-03-29T01:30:00Z"));
        // 25 October 2026: 01:30 happens twice (BST, then GMT); the jobs run at the first, and next on the 26th
        Instant first = NightlyJobs.nextRun(Instant.parse("2026-10-24T23:00:00Z"), LocalTime.of(1, 30), LONDON);
        assertThat(first).isEqualTo(Instant.parse("2026-10-25T00:30:00Z"));
        assertThat(NightlyJobs.nextRun(first, LocalTime.of(1, 30), LONDON))
                .isEqualTo(Instant.parse("2026-10-26T01:30:00Z"));
    }
}
