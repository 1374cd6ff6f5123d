package org.threadline.app.web.breakglass;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Per-user rate monitoring of break-glass (GOVERNANCE.md b1.8), under {@code threadline.break-glass.*}
 * (environment: {@code THREADLINE_BREAKGLASS_RATEWINDOW=P30D}, {@code THREADLINE_BREAKGLASS_RATETHRESHOLD=3}). The
 * information-governance break-glass page lists first everyone granted break-glass more than {@code rateThreshold}
 * times within the last {@code rateWindow}: one use is reviewed on its own; a habit is seen only by counting.
 * Checked when the application starts, every problem reported at once.
 *
 * @param rateWindow how far back grants are counted (ISO-8601, e.g. {@code P30D}; default 30 days; at most a year)
 * @param rateThreshold a user with more grants than this in the window is listed (default 3; at least 1)
 */
@ConfigurationProperties("threadline.break-glass")
public record BreakGlassSettings(
        @DefaultValue("P30D") Duration rateWindow,
        @DefaultValue("3") int rateThreshold) {

    /** The longest window: grants further back are for the audit log's own queries, not a monitoring list. */
    static final Duration MAX_WINDOW = Duration.ofDays(366);

    public BreakGlassSettings {
        List<String> problems = new ArrayList<>();
        if (rateWindow == null || rateWindow.isNegative() || rateWindow.isZero()) {
            problems.add("threadline.break-glass.rate-window must be a positive duration such as P30D, not "
                    + rateWindow);
        } else if (rateWindow.compareTo(MAX_WINDOW) > 0) {
            problems.add("threadline.break-glass.rate-window must be at most P366D, not " + rateWindow);
        }
        if (rateThreshold < 1) {
            problems.add("threadline.break-glass.rate-threshold must be at least 1, not " + rateThreshold);
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
    }

    /** The window in words, for the page ("30 days"). */
    public String windowInWords() {
        long days = rateWindow.toDays();
        if (rateWindow.equals(Duration.ofDays(days))) {
            return days == 1 ? "1 day" : days + " days";
        }
        long hours = rateWindow.toHours();
        return hours == 1 ? "1 hour" : hours + " hours";
    }
}
