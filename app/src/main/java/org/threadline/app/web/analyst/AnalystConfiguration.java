package org.threadline.app.web.analyst;

import java.nio.file.Path;
import java.time.Clock;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.threadline.app.indicators.IndicatorRun;
import org.threadline.app.web.access.AccessConfiguration;
import org.threadline.app.web.accounts.Account;
import org.threadline.app.web.accounts.Role;
import org.threadline.app.web.home.Journey;
import org.threadline.app.web.purpose.DeclaredPurpose;
import org.threadline.domain.chronology.EventVocabulary;
import org.threadline.domain.governance.agreements.AgreementRegistry;
import org.threadline.domain.governance.policy.PolicyDecisionPoint;
import org.threadline.store.indicators.CohortInputChanges;
import org.threadline.store.indicators.IndicatorResultStore;
import org.threadline.store.people.PeopleStore;

/** The cohort page's parts: the stored indicator results, the agreements' data items, the tile layout, its link. */
@Configuration
public class AnalystConfiguration {

    /**
     * Counts kept between views (ADR 0034). {@code threadline.cohorts.recount}: {@code background} (the default: after
     * a change, views show the kept counts, marked, while a daemon thread makes them again) or {@code on-view} (the
     * view after a change waits for the recount).
     */
    @Bean
    CohortSource cohortSource(DataSource dataSource, PeopleStore people, Clock clock,
                              @Value("${threadline.cohorts.recount:background}") String recount) {
        Path root = AccessConfiguration.root();
        CohortSource.Recount when = switch (recount) {
            case "background" -> CohortSource.Recount.BACKGROUND;
            case "on-view" -> CohortSource.Recount.ON_VIEW;
            default -> throw new IllegalArgumentException("threadline.cohorts.recount must be background or on-view,"
                    + " not " + recount);
        };
        return new CohortSource(people, new IndicatorResultStore(dataSource), new CohortInputChanges(dataSource),
                IndicatorRun.shippedRulebooks(root.resolve("config/rules"),
                        EventVocabulary.read(root.resolve("config/chronology/events.yaml"))), clock, when,
                AnalystConfiguration::daemon);
    }

    /** One thread per recount (the source runs one at a time): nothing to shut down, nothing kept between them. */
    private static void daemon(Runnable recount) {
        Thread t = new Thread(recount, "cohorts-recount");
        t.setDaemon(true);
        t.start();
    }

    @Bean
    AggregateAccess aggregateAccess(PolicyDecisionPoint pdp) {
        // The same agreements as the decision point; only their data items' ids and fields are read here.
        AgreementRegistry registry = AgreementRegistry.load(AccessConfiguration.root().resolve("config/agreements"));
        return new AggregateAccess(pdp, registry.agreements().stream().flatMap(a -> a.dataItems().stream())
                .toList());
    }

    @Bean
    AreaTiles areaTiles() {
        return AreaTiles.load();
    }

    @Bean
    Journey cohortsJourney() {
        return new Journey() {
            public String path() {
                return "/cohorts";
            }

            public String title() {
                return "Cohorts by indicator and area";
            }

            public String description() {
                return "How many people meet an indicator in each postcode area or district, as counts and rates"
                        + " with small numbers suppressed, a chart and a map of the areas.";
            }

            public boolean availableTo(Account account, DeclaredPurpose purpose) {
                return account.roles().contains(Role.ANALYST)
                        && purpose.code().equals(AggregateAccess.DECLARED_PURPOSE);
            }

            public int order() {
                return 20;
            }
        };
    }
}
