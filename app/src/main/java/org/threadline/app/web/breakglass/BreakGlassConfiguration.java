package org.threadline.app.web.breakglass;

import java.time.Clock;
import javax.sql.DataSource;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.threadline.app.web.access.ViewAudit;
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

    @Bean
    BreakGlass breakGlass(BreakGlassStore store, AgreementRegistry agreements, ViewAudit audit, Clock clock,
                          BreakGlassSettings settings) {
        return new BreakGlass(store, agreements, audit, clock, settings);
    }
}
