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
 * @param oidcRecipientsSeenWithin how recently someone must have signed in through the OpenID provider for the roles
 *     it asserted then to count as holding a notification's role (ADR 0026 as amended 2026-11-27; default 90 days;
 *     positive, at most a year; {@code THREADLINE_BREAKGLASS_OIDCRECIPIENTSSEENWITHIN}). The provider may have taken
 *     a role away since, and only a sign-in tells Threadline: beyond this, the role is listed as nobody's.
 */
@ConfigurationProperties("threadline.break-glass")
public record BreakGlassSettings(
        @DefaultValue("P30D") Duration rateWindow,
        @DefaultValue("3") int rateThreshold,
        @DefaultValue("P90D") Duration oidcRecipientsSeenWithin) {

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
        if (oidcRecipientsSeenWithin == null || oidcRecipientsSeenWithin.isNegative()
                || oidcRecipientsSeenWithin.isZero()) {
            problems.add("threadline.break-glass.oidc-recipients-seen-within must be a positive duration such as"
                    + " P90D, not " + oidcRecipientsSeenWithin);
        } else if (oidcRecipientsSeenWithin.compareTo(MAX_WINDOW) > 0) {
            problems.add("threadline.break-glass.oidc-recipients-seen-within must be at most P366D, not "
                    + oidcRecipientsSeenWithin);
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
    }

    /** The window in words, for the page ("30 days"). */
    public String windowInWords() {
        return inWords(rateWindow);
    }

    /** How recently an OIDC sign-in must have been, in words, for the page ("90 days"). */
    public String oidcSeenWithinInWords() {
        return inWords(oidcRecipientsSeenWithin);
    }

    static String inWords(Duration d) {
        long days = d.toDays();
        if (d.equals(Duration.ofDays(days))) {
            return days == 1 ? "1 day" : days + " days";
        }
        long hours = d.toHours();
        return hours == 1 ? "1 hour" : hours + " hours";
    }
}
