package org.threadline.app.web;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The web application's settings, under {@code threadline.web.*} (environment: {@code THREADLINE_WEB_...}, e.g.
 * {@code THREADLINE_WEB_MAX_FAILED_SIGN_INS=5}).
 *
 * @param maxFailedSignIns consecutive wrong passwords that lock an account
 * @param lockout how long a locked account stays locked
 * @param idleTimeout how long a session may sit unused before the person must sign in again
 */
@ConfigurationProperties("threadline.web")
public record WebSettings(
        @DefaultValue("5") int maxFailedSignIns,
        @DefaultValue("15m") Duration lockout,
        @DefaultValue("30m") Duration idleTimeout) {

    public WebSettings {
        if (maxFailedSignIns < 1) {
            throw new IllegalArgumentException("threadline.web.max-failed-sign-ins must be at least 1");
        }
        if (lockout.isNegative() || lockout.isZero() || idleTimeout.isNegative() || idleTimeout.isZero()) {
            throw new IllegalArgumentException("threadline.web.lockout and idle-timeout must be positive");
        }
    }
}
