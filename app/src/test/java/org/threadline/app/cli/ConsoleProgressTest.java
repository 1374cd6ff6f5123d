package org.threadline.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ConsoleProgressTest {
    private final StringWriter text = new StringWriter();
    private final AtomicLong nanos = new AtomicLong();

    @Test
    void outside_a_terminal_it_prints_plain_lines_at_the_interval_with_rate_and_time_left() {
        ConsoleProgress p = new ConsoleProgress(new PrintWriter(text), false, nanos::get, 5, TimeUnit.SECONDS);
        p.begin("generate", 1000, "people");
        nanos.set(TimeUnit.SECONDS.toNanos(1));
        p.advance(100); // before the interval: nothing printed
        assertThat(text.toString()).isEmpty();
        nanos.set(TimeUnit.SECONDS.toNanos(5));
        p.advance(150);
        p.end();

        String[] lines = text.toString().split("\\R");
        assertThat(lines[0]).isEqualTo("generate: 250/1,000 people (25%), 50 people/s, about 0:15 left");
        assertThat(lines[1]).startsWith("generate: done, 250 people in 5.0s");
        assertThat(text.toString()).doesNotContain("\r");
    }

    @Test
    void on_a_terminal_it_redraws_a_bar_in_place() {
        ConsoleProgress p = new ConsoleProgress(new PrintWriter(text), true, nanos::get, 100, TimeUnit.MILLISECONDS);
        p.begin("generate", 200, "people");
        nanos.set(TimeUnit.SECONDS.toNanos(1));
        p.advance(100);
        assertThat(text.toString()).startsWith("\rgenerate  [###############---------------]  100/200 people")
                .contains("100 people/s", "ETA 1.0s");
    }

    @Test
    void durations_read_naturally() {
        assertThat(ConsoleProgress.duration(4.25)).isEqualTo("4.3s");
        assertThat(ConsoleProgress.duration(75)).isEqualTo("1:15");
        assertThat(ConsoleProgress.duration(3725)).isEqualTo("1:02:05");
    }
}
