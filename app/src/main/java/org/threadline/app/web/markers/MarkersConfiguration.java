package org.threadline.app.web.markers;

import java.time.Clock;
import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.threadline.app.web.access.ViewAudit;
import org.threadline.domain.governance.agreements.AgreementRegistry;
import org.threadline.store.governance.SubjectMarkerStore;

/** The markers service on the installation's store, audit log and signed agreements (ADR 0035). */
@Configuration
public class MarkersConfiguration {
    @Bean
    SubjectMarkers subjectMarkers(DataSource dataSource, ViewAudit audit, AgreementRegistry agreements, Clock clock) {
        return new SubjectMarkers(new SubjectMarkerStore(dataSource), audit, agreements, clock);
    }
}
