package org.threadline.app.web.breakglass;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/** The rate-monitoring settings: their defaults, the documented environment variables, and start-up checks. */
class BreakGlassSettingsTest {

    static BreakGlassSettings bind(Map<String, Object> env) {
        MutablePropertySources sources = new MutablePropertySources();
        sources.addFirst(new SystemEnvironmentPropertySource("systemEnvironment", env));
        return new Binder(ConfigurationPropertySources.from(sources)).bindOrCreate("threadline.break-glass",
                BreakGlassSettings.class);
    }

    @Test
    void nothing_set_means_more_than_three_grants_in_thirty_days() {
        BreakGlassSettings s = bind(Map.of());
        assertThat(s.rateWindow()).isEqualTo(Duration.ofDays(30));
        assertThat(s.rateThreshold()).isEqualTo(3);
        assertThat(s.windowInWords()).isEqualTo("30 days");
        assertThat(s.oidcRecipientsSeenWithin()).as("an OIDC sign-in counts for 90 days").isEqualTo(Duration.ofDays(90));
        assertThat(s.oidcSeenWithinInWords()).isEqualTo("90 days");
    }

    @Test
    void the_documented_environment_variables_bind() {
        BreakGlassSettings s = bind(Map.of("THREADLINE_BREAKGLASS_RATEWINDOW", "P7D",
                "THREADLINE_BREAKGLASS_RATETHRESHOLD", "1", "THREADLINE_BREAKGLASS_OIDCRECIPIENTSSEENWITHIN", "P30D"));
        assertThat(s.rateWindow()).isEqualTo(Duration.ofDays(7));
        assertThat(s.oidcRecipientsSeenWithin()).isEqualTo(Duration.ofDays(30));
        assertThat(s.rateThreshold()).isEqualTo(1);
    }

    @Test
    void a_window_that_is_not_positive_or_over_a_year_and_a_threshold_under_one_are_all_reported_at_once() {
        assertThatThrownBy(() -> new BreakGlassSettings(Duration.ofDays(30), 3, Duration.ofDays(400)))
                .hasMessageContaining("oidc-recipients-seen-within must be at most P366D");
        assertThatThrownBy(() -> new BreakGlassSettings(Duration.ZERO, 0, Duration.ZERO))
                .hasMessageContaining("rate-window must be a positive duration")
                .hasMessageContaining("rate-threshold must be at least 1")
                .hasMessageContaining("oidc-recipients-seen-within must be a positive duration");
        assertThatThrownBy(() -> new BreakGlassSettings(Duration.ofDays(400), 3, Duration.ofDays(90)))
                .hasMessageContaining("rate-window must be at most P366D");
        assertThatThrownBy(() -> bind(Map.of("THREADLINE_BREAKGLASS_RATETHRESHOLD", "-2")))
                .isInstanceOf(BindException.class).rootCause().hasMessageContaining("rate-threshold");
    }
}
