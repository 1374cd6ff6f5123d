package org.threadline.app.web.breakglass;

import java.time.Clock;
import javax.sql.DataSource;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.threadline.app.web.access.AccessConfiguration;
import org.threadline.app.web.access.AgreementMapping;
import org.threadline.app.web.access.ViewAudit;
import org.threadline.app.web.accounts.AccountStore;
import org.threadline.app.web.accounts.OidcPrincipals;
import org.threadline.domain.governance.agreements.AgreementRegistry;
import org.threadline.store.governance.BreakGlassStore;

/** The break-glass store (the V11 and V16 tables), its rate-monitoring settings, and the service that grants and reviews on the installation's agreements. */
@Configuration
@EnableConfigurationProperties(BreakGlassSettings.class)
public class BreakGlassConfiguration {

    @Bean
    BreakGlassStore breakGlassStore(DataSource dataSource) {
        return new BreakGlassStore(dataSource);
    }

    /**
     * Who receives each notification ({@code config/governance/break-glass-notifications.yaml}, checked at start with
     * every error listed) and their inboxes (ADR 0026).
     */
    @Bean
    BreakGlassNotifications breakGlassNotifications(BreakGlassStore store, AccountStore accounts,
                                                    OidcPrincipals principals, BreakGlassSettings settings,
                                                    ViewAudit audit, Clock clock) {
        return new BreakGlassNotifications(store, NotificationRecipients.read(AccessConfiguration.root()
                .resolve(NotificationRecipients.FILE)), AgreementMapping.load(), accounts, principals,
                settings.oidcRecipientsSeenWithin(), audit, clock);
    }

    @Bean
    BreakGlass breakGlass(BreakGlassStore store, AgreementRegistry agreements, ViewAudit audit, Clock clock,
                          BreakGlassSettings settings, BreakGlassNotifications notifications) {
        return new BreakGlass(store, agreements, audit, clock, settings, notifications);
    }
}
