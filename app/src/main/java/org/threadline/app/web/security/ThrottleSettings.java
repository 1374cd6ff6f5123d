package org.threadline.app.web.security;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Sign-in and API authentication throttling (ADR 0026), under {@code threadline.throttle.*} (environment:
 * {@code THREADLINE_THROTTLE_WINDOW=15m}, {@code THREADLINE_THROTTLE_PER_USERNAME=10} ...). Within any
 * {@code window}, a username (or API key id) may fail {@code perUsername} times and a client address
 * {@code perAddress} times; further attempts are refused unchecked until the oldest of those failures leaves the
 * window. The address limit is higher: several people may sign in through one proxy. Checked when the application
 * starts, every problem reported at once.
 *
 * @param window the sliding window (default 15 minutes; 1 second to 1 day)
 * @param perUsername failures per username, and per API key id, within the window (default 10)
 * @param perAddress failures per client address within the window, sign-ins and API calls counted apart (default 50)
 * @param maxTracked names and addresses remembered at most by a throttle kept in memory (default 100000); the
 *     application's throttles keep their counts in PostgreSQL (V25), where a row lasts one window and each address
 *     can make at most {@code perAddress} name rows per window, so this bound does not apply to them
 */
@ConfigurationProperties("threadline.throttle")
public record ThrottleSettings(
        @DefaultValue("15m") Duration window,
        @DefaultValue("10") int perUsername,
        @DefaultValue("50") int perAddress,
        @DefaultValue("100000") int maxTracked) {

    public ThrottleSettings {
        List<String> problems = new ArrayList<>();
        if (window == null || window.compareTo(Duration.ofSeconds(1)) < 0 || window.compareTo(Duration.ofDays(1)) > 0) {
            problems.add("threadline.throttle.window must be between 1s and 1d, not " + window);
        }
        if (perUsername < 1) {
            problems.add("threadline.throttle.per-username must be at least 1, not " + perUsername);
        }
        if (perAddress < 1) {
            problems.add("threadline.throttle.per-address must be at least 1, not " + perAddress);
        }
        if (maxTracked < 100) {
            problems.add("threadline.throttle.max-tracked must be at least 100, not " + maxTracked);
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
    }

    /** The window as a reason code: {@code PT15M}. */
    public String windowCode() {
        return window.toString();
    }
}
