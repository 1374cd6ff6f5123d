package org.threadline.app.web.alerts;

import java.nio.file.Path;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.threadline.app.web.access.AccessConfiguration;
import org.threadline.app.web.accounts.Account;
import org.threadline.app.web.home.Journey;
import org.threadline.app.web.purpose.DeclaredPurpose;
import org.threadline.domain.indicators.EventVocabulary;
import org.threadline.domain.indicators.Rulebook;
import org.threadline.domain.indicators.RulebookReader;
import org.threadline.store.indicators.AlertStore;

/** The alert store (the V4 tables), the rulebooks that name indicators and triggers, and the home page's link. */
@Configuration
public class AlertsConfiguration {

    @Bean
    AlertStore alertStore(DataSource dataSource) {
        return new AlertStore(dataSource);
    }

    @Bean
    AlertWording alertWording() {
        Path root = AccessConfiguration.root();
        RulebookReader reader = new RulebookReader(EventVocabulary.read(root.resolve(
                "config/chronology/events.yaml")));
        List<Rulebook> rulebooks = reader.readAll(root.resolve("config/rules"));
        return AlertWording.of(rulebooks);
    }

    @Bean
    Journey alertsJourney() {
        return new Journey() {
            public String path() {
                return "/alerts";
            }

            public String title() {
                return "Alerts for your agency";
            }

            public String description() {
                return "New and overdue alerts routed to your agency: acknowledge them, record what you decided and"
                        + " close them.";
            }

            public boolean availableTo(Account account, DeclaredPurpose purpose) {
                return AlertsInbox.safeguarding(purpose);
            }

            public int order() {
                return 5;
            }
        };
    }
}
