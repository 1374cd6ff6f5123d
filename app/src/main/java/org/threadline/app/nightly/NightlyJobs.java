package org.threadline.app.nightly;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.threadline.app.governance.RetentionJob;
import org.threadline.app.governance.RetentionPolicy;
import org.threadline.app.indicators.IndicatorRun;

/**
 * Runs retention, a full indicator run and a verification of the whole audit log once a night, at a local time, on one
 * server of however many share the database. Retention first, so that the evaluation sees only what may still be held;
 * the indicator run then re-evaluates everyone as of the same day, which refreshes flags, raises what changed, and
 * keeps each person's level of need (ADR 0036) no older than a day. Last, the audit log is verified as
 * {@code ./threadline audit verify} does (docs/audit.md: "run it nightly"): a log that is not intact is reported as
 * the night's problem, naming the entry.
 *
 * <p>A step that fails is reported and does not stop the next one, nor the next night: retention's removals are each
 * their own audited transaction, and an indicator run replaces results chunk by chunk, so a failure leaves what was
 * done done and the rest for the next run.
 */
public final class NightlyJobs implements AutoCloseable {
    /** The actor recorded on the audit entries the nightly retention writes. */
    public static final String ACTOR = "threadline nightly jobs";
    /**
     * The advisory lock key only one server holds while the jobs run ("TLNIGHT" in ASCII): {@code pg_locks} shows it
     * as {@code objid} 1229408340 with {@code classid} 5524558 while a night is running.
     */
    public static final long LOCK = 0x544C4E49474854L;

    /**
     * When and as of what.
     *
     * @param at   the local time the jobs start each day
     * @param zone the zone {@code at} is in (Europe/London: partners' working day)
     * @param asOf a fixed day to judge retention and evaluate on (a synthetic population frozen at its extract date);
     *             empty for the day the jobs run
     */
    public record Settings(LocalTime at, ZoneId zone, Optional<LocalDate> asOf) {
        public Settings {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(zone, "zone");
            Objects.requireNonNull(asOf, "asOf");
        }
    }

    /** Verifies the whole audit log: empty when intact, else what is wrong, naming the first bad entry. */
    @FunctionalInterface
    public interface AuditCheck {
        Optional<String> problem();
    }

    /**
     * What one night did; a step not done is empty, with why in {@code problems}.
     *
     * @param auditLog "intact", or what the verification found wrong
     */
    public record Outcome(Instant started, Instant finished, LocalDate asOf, boolean ranHere,
                          Optional<RetentionJob.Report> retention, Optional<IndicatorRun.Outcome> indicators,
                          Optional<String> auditLog, java.util.List<String> problems) {
        public Outcome {
            problems = java.util.List.copyOf(problems);
        }

        /** One line for the log. */
        public String summary() {
            if (!ranHere) {
                return "Nightly jobs as of " + asOf + ": another server is running them";
            }
            String r = retention.map(x -> "retention removed " + x.feeds().stream()
                    .filter(f -> f.removed().isPresent()).mapToInt(RetentionJob.FeedOutcome::expiredRows).sum()
                    + " row(s) and " + x.auditPayloadsRemoved() + " audit payload(s)").orElse("retention not done");
            String i = indicators.map(x -> "indicators evaluated " + x.subjects() + " subject(s), raised "
                    + x.raised().size() + " alert(s)").orElse("indicators not done");
            String a = auditLog.map(x -> "audit log " + x).orElse("audit log not verified");
            return "Nightly jobs as of " + asOf + ": " + r + "; " + i + "; " + a + "; took "
                    + Duration.between(started, finished).toSeconds() + " s"
                    + (problems.isEmpty() ? "" : "; problems: " + String.join("; ", problems));
        }
    }

    private final DataSource dataSource;
    private final Supplier<RetentionPolicy> policy;
    private final RetentionJob retention;
    private final IndicatorRun indicators;
    private final AuditCheck auditCheck;
    private final Clock clock;
    private final Settings settings;
    private final Consumer<Outcome> report;
    private final AtomicReference<Outcome> last = new AtomicReference<>();
    private ScheduledExecutorService timer;

    /**
     * @param policy the retention policy of the agreements in force (asked each night, so a new agreement applies)
     * @param report told each night's outcome (the log)
     */
    public NightlyJobs(DataSource dataSource, Supplier<RetentionPolicy> policy, RetentionJob retention,
                       IndicatorRun indicators, AuditCheck auditCheck, Clock clock, Settings settings,
                       Consumer<Outcome> report) {
        this.dataSource = dataSource;
        this.policy = policy;
        this.retention = retention;
        this.indicators = indicators;
        this.auditCheck = auditCheck;
        this.clock = clock;
        this.settings = settings;
        this.report = report;
    }

    /** The first moment after {@code now} at which the local clock in {@code zone} reads {@code at}. */
    static Instant nextRun(Instant now, LocalTime at, ZoneId zone) {
        ZonedDateTime local = now.atZone(zone);
        ZonedDateTime candidate = local.toLocalDate().atTime(at).atZone(zone);
        if (!candidate.toInstant().isAfter(now)) {
            candidate = local.toLocalDate().plusDays(1).atTime(at).atZone(zone);
        }
        return candidate.toInstant();
    }

    /** Starts the timer: the first run at the next {@code at}, then each night after the one before finishes. */
    public synchronized void start() {
        if (timer != null) {
            return;
        }
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "threadline-nightly");
            t.setDaemon(true);
            return t;
        });
        scheduleNext();
    }

    private synchronized void scheduleNext() {
        if (timer == null || timer.isShutdown()) {
            return;
        }
        Instant now = clock.instant();
        long delay = Duration.between(now, nextRun(now, settings.at(), settings.zone())).toMillis();
        timer.schedule(() -> {
            try {
                report.accept(runNow());
            } finally {
                scheduleNext();
            }
        }, delay, TimeUnit.MILLISECONDS);
    }

    /** When the timer will next run the jobs, if it is started. */
    public Optional<Instant> next() {
        return timer == null ? Optional.empty() : Optional.of(nextRun(clock.instant(), settings.at(),
                settings.zone()));
    }

    /** The last night's outcome, if the jobs have run since this server started. */
    public Optional<Outcome> last() {
        return Optional.ofNullable(last.get());
    }

    /**
     * Runs the jobs now, if no other server is running them: retention, the full indicator run, each as of the
     * settings' day or today, then the audit log's verification. Never throws: a failed step is in the outcome's
     * problems, and the steps after it still run.
     */
    public Outcome runNow() {
        Instant started = clock.instant();
        LocalDate day = settings.asOf().orElse(LocalDate.ofInstant(started, settings.zone()));
        java.util.List<String> problems = new java.util.ArrayList<>();
        Optional<RetentionJob.Report> r = Optional.empty();
        Optional<IndicatorRun.Outcome> i = Optional.empty();
        Optional<String> a = Optional.empty();
        try (Connection lock = dataSource.getConnection()) {
            if (!advisory(lock, "SELECT pg_try_advisory_lock(?)")) {
                Outcome skipped = new Outcome(started, clock.instant(), day, false, r, i, a, problems);
                last.set(skipped);
                return skipped;
            }
            try {
                try {
                    r = Optional.of(retention.run(policy.get(), day, false, ACTOR));
                } catch (IOException | RuntimeException e) {
                    problems.add("retention failed: " + e.getMessage());
                }
                try {
                    i = Optional.of(indicators.runAll(Optional.of(day), line -> { }));
                } catch (RuntimeException e) {
                    problems.add("indicator run failed: " + e.getMessage());
                }
                try {
                    Optional<String> wrong = auditCheck.problem();
                    a = Optional.of(wrong.map(w -> "NOT INTACT: " + w).orElse("intact"));
                    wrong.ifPresent(w -> problems.add("the audit log is not intact: " + w));
                } catch (RuntimeException e) {
                    problems.add("audit log verification failed: " + e.getMessage());
                }
            } finally {
                advisory(lock, "SELECT pg_advisory_unlock(?)");
            }
        } catch (SQLException e) {
            problems.add("the nightly lock failed: " + e.getMessage());
        }
        Outcome done = new Outcome(started, clock.instant(), day, true, r, i, a, problems);
        last.set(done);
        return done;
    }

    private static boolean advisory(Connection c, String sql) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setLong(1, LOCK);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }

    @Override
    public synchronized void close() {
        if (timer != null) {
            timer.shutdownNow();
        }
    }
}
