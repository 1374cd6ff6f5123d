package org.threadline.app.web.upload;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.threadline.app.home.ThreadlineHome;
import org.threadline.app.intake.PartnerLoads;
import org.threadline.app.web.access.AccessConfiguration;
import org.threadline.app.web.access.ViewAudit;
import org.threadline.intake.source.SourceDefinitions;

/**
 * Uploads land where {@code ./threadline ingest} lands files (THREADLINE_HOME's {@code landed/}, scorecards under
 * {@code reports/quality/}), against the installation's source definitions ({@code config/sources}).
 */
@Configuration
public class UploadConfiguration {

    /**
     * Ahead of every other filter (Spring Security's included), on the paths that take uploads: a body over the
     * limit is refused before anything reads it.
     */
    @Bean
    org.springframework.boot.web.servlet.FilterRegistrationBean<UploadSizeLimit> uploadSizeLimit(
            Environment environment) {
        org.springframework.util.unit.DataSize max = org.springframework.util.unit.DataSize.parse(
                environment.getProperty("spring.servlet.multipart.max-request-size", "25MB"));
        var registration = new org.springframework.boot.web.servlet.FilterRegistrationBean<>(
                new UploadSizeLimit(max.toBytes()));
        registration.addUrlPatterns("/upload", "/api/*");
        registration.setOrder(org.springframework.core.Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    @Bean
    PartnerUploads partnerUploads(DataSource dataSource, Clock clock, Environment environment, ViewAudit audit) {
        String configured = environment.getProperty("threadline.home");
        ThreadlineHome home = configured == null ? ThreadlineHome.fromEnvironment(System.getenv())
                : new ThreadlineHome(Path.of(configured));
        try {
            home = home.create();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open THREADLINE_HOME " + home.root(), e);
        }
        // The same agreements as the policy decision point (checked the same way: a bad signature stops serve): a
        // feed is taken in only while one of them covers it, as ./threadline ingest does.
        org.threadline.domain.governance.agreements.AgreementRegistry agreements =
                org.threadline.domain.governance.agreements.AgreementRegistry.load(
                        AccessConfiguration.root().resolve("config/agreements"));
        PartnerLoads loads;
        try {
            loads = new PartnerLoads(dataSource, home.landed(), home.reports(), clock, agreements,
                    org.threadline.app.audit.InstalledAuditLog.store(home, clock));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the audit log's key in " + home.root(), e);
        }
        return new PartnerUploads(loads, SourceDefinitions.loadAll(AccessConfiguration.root().resolve("config/sources")
                .toAbsolutePath().normalize()), audit);
    }
}
