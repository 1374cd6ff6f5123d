package org.threadline.app.web.governance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import javax.sql.DataSource;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.threadline.app.audit.InstalledAuditLog;
import org.threadline.app.governance.DisclosureRules;
import org.threadline.app.governance.SubjectAccess;
import org.threadline.app.home.ThreadlineHome;
import org.threadline.app.web.access.AccessConfiguration;
import org.threadline.app.web.access.ViewAudit;
import org.threadline.store.governance.SubjectAccessRequestStore;

/**
 * Subject access requests on the web (ADR 0020): the V14 tables, the command line's export (its disclosure rules from
 * {@code config/governance/subject-access.yaml}, its audit log under THREADLINE_HOME, where the exports' files are
 * kept too) and the configured response period.
 */
@Configuration
@EnableConfigurationProperties(SubjectAccessSettings.class)
public class SubjectAccessConfiguration {

    @Bean
    SubjectAccessRequestStore subjectAccessRequestStore(DataSource dataSource) {
        return new SubjectAccessRequestStore(dataSource);
    }

    @Bean
    SubjectAccessRequests subjectAccessRequests(SubjectAccessRequestStore store, DataSource dataSource,
                                                ViewAudit audit, SubjectAccessSettings settings, Clock clock,
                                                Environment environment) {
        String home = environment.getProperty("threadline.home");
        ThreadlineHome h = home == null ? ThreadlineHome.fromEnvironment(System.getenv())
                : new ThreadlineHome(Path.of(home));
        DisclosureRules rules = DisclosureRules.read(AccessConfiguration.root()
                .resolve("config/governance/subject-access.yaml"));
        try {
            SubjectAccess export = new SubjectAccess(dataSource, InstalledAuditLog.store(h.create(), clock), rules,
                    clock);
            return new SubjectAccessRequests(store, export, audit, settings.deadline(),
                    h.root().toAbsolutePath().normalize(), clock);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the audit log's key in " + h.root(), e);
        }
    }
}
