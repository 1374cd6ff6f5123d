package org.threadline.app.web.nightly;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.threadline.app.audit.InstalledAuditLog;
import org.threadline.app.audit.WitnessFile;
import org.threadline.app.governance.RetentionJob;
import org.threadline.app.governance.RetentionPolicy;
import org.threadline.app.home.ThreadlineHome;
import org.threadline.app.indicators.IndicatorRun;
import org.threadline.app.nightly.NightlyJobs;
import org.threadline.app.web.access.AccessConfiguration;
import org.threadline.app.web.governance.AuditOversight;
import org.threadline.domain.chronology.EventVocabulary;
import org.threadline.domain.governance.agreements.AgreementRegistry;
import org.threadline.store.audit.AuditStore;

/**
 * The nightly jobs of a running web application (retention, a full indicator run, audit verification; ADR 0037):
 * {@code threadline.nightly.at} the local time in Europe/London they start ({@code HH:MM}, default 02:00; {@code off}
 * for none), {@code threadline.nightly.as-of} a fixed day to judge on (the demo's extract date; default the day they
 * run).
 */
@Configuration
public class NightlyConfiguration {
    private static final Logger LOG = LoggerFactory.getLogger(NightlyJobs.class);
    static final ZoneId LONDON = ZoneId.of("Europe/London");

    @Bean(destroyMethod = "close")
    NightlyJobs nightlyJobs(DataSource dataSource, AgreementRegistry agreements, AuditOversight oversight, Clock clock,
                            Environment env) {
        String at = env.getProperty("threadline.nightly.at", "02:00").strip();
        Optional<LocalDate> asOf = Optional.ofNullable(env.getProperty("threadline.nightly.as-of"))
                .filter(s -> !s.isBlank()).map(s -> parse(s.strip(), LocalDate::parse, "threadline.nightly.as-of",
                        "a date such as 2026-03-31"));
        LocalTime time = at.equalsIgnoreCase("off") ? LocalTime.of(2, 0)
                : parse(at, LocalTime::parse, "threadline.nightly.at", "a time such as 02:00, or off");
        String home = env.getProperty("threadline.home");
        ThreadlineHome h = home == null ? ThreadlineHome.fromEnvironment(System.getenv()) : new ThreadlineHome(
                Path.of(home));
        AuditStore audit;
        try {
            audit = InstalledAuditLog.store(h.create(), clock);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the audit log's key in " + h.root(), e);
        }
        Path root = AccessConfiguration.root();
        IndicatorRun indicators = new IndicatorRun(dataSource, audit, IndicatorRun.shippedRulebooks(
                root.resolve("config/rules"), EventVocabulary.read(root.resolve("config/chronology/events.yaml"))),
                clock);
        NightlyJobs jobs = new NightlyJobs(dataSource, () -> RetentionPolicy.of(agreements.agreements()),
                new RetentionJob(dataSource, audit, clock, h.root()), indicators,
                () -> verify(dataSource, audit, oversight, h), clock,
                new NightlyJobs.Settings(time, LONDON, asOf), outcome -> {
                    if (outcome.problems().isEmpty()) {
                        LOG.info(outcome.summary());
                    } else {
                        LOG.error(outcome.summary());
                    }
                });
        if (!at.equalsIgnoreCase("off")) {
            jobs.start();
            LOG.info("Nightly jobs (retention, a full indicator run, audit verification) at {} Europe/London{}", time,
                    asOf.map(d -> ", as of " + d).orElse(""));
        }
        return jobs;
    }

    /**
     * Verifies the whole log as the DPO's verification page does; when it is intact, signs a checkpoint of it (as
     * {@code ./threadline audit checkpoint}: the day's entries are then sealed, and a log found bad is never signed)
     * and remembers that checkpoint outside the database as {@code ./threadline audit verify} does, so that a tail
     * removed with its checkpoints is caught by the next night.
     */
    private static Optional<String> verify(DataSource dataSource, AuditStore audit, AuditOversight oversight,
                                           ThreadlineHome home) {
        AuditOversight.Verification v = oversight.verify();
        if (!v.intact()) {
            return Optional.of((v.firstBadEntry().isEmpty() ? "" : "first bad entry " + v.firstBadEntry() + ": ")
                    + v.problem());
        }
        Optional<org.threadline.domain.governance.audit.Checkpoint> latest;
        try (java.sql.Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            latest = audit.checkpoint(c);
            c.commit();
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("signing the nightly checkpoint failed: " + e.getMessage(), e);
        }
        if (latest.isPresent() && (v.remembered().isEmpty()
                || latest.get().treeSize() > v.remembered().get().treeSize())) {
            try {
                WitnessFile.write(WitnessFile.defaultPath(home), latest.get());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot remember the latest checkpoint in " + home.root(), e);
            }
        }
        return Optional.empty();
    }

    private static <T> T parse(String value, java.util.function.Function<String, T> parser, String property,
                               String expected) {
        try {
            return parser.apply(value);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(property + " must be " + expected + ", not '" + value + "'", e);
        }
    }
}
