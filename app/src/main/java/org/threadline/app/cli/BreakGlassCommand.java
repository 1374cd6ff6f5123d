package org.threadline.app.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.threadline.app.audit.InstalledAuditLog;
import org.threadline.app.home.ThreadlineHome;
import org.threadline.app.web.access.AccessPolicy;
import org.threadline.app.web.access.ViewAudit;
import org.threadline.app.web.access.Viewer;
import org.threadline.app.web.accounts.Role;
import org.threadline.app.web.cases.CaseRegisterMode;
import org.threadline.app.web.cases.CasesConfiguration;
import org.threadline.domain.governance.audit.AuditAction;
import org.threadline.store.governance.CaseStore;
import org.threadline.domain.governance.policy.PolicyDecisionPoint;
import org.threadline.store.Database;
import org.threadline.store.governance.BreakGlassStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code ./threadline breakglass list}: the break-glass grants for the information-governance team, as the web's
 * break-glass reviews page lists them (ADR 0018). Only for a data protection officer declaring the oversight purpose;
 * the listing is an audit entry committed before anything is printed. Reviews are recorded on the web page.
 */
@Command(name = "breakglass", mixinStandardHelpOptions = true,
        description = {"Break-glass grants and their reviews, for the information-governance team (ADR 0018).",
            "Uses THREADLINE_DB_URL if set, else embedded PostgreSQL under THREADLINE_HOME/db."},
        subcommands = {BreakGlassCommand.ListGrants.class})
final class BreakGlassCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "Name a breakglass command: list.");
    }

    static final String PURPOSE = "GOVERNANCE.OVERSIGHT";

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = {"List break-glass grants, newest first: who, for which person, why, when it expires, and "
                + "its review (due, overdue, or the outcome).",
                "Declare --as LOCAL_AUTHORITY:DATA_PROTECTION_OFFICER --purpose GOVERNANCE.OVERSIGHT; the web page "
                + "(./threadline serve) records reviews."})
    static final class ListGrants implements Callable<Integer> {
        @Mixin
        DeclaredAccess access;

        @Option(names = "--to-review", description = "Only grants whose review is not recorded yet.")
        boolean toReview;

        @Option(names = "--limit", defaultValue = "200", description = "At most this many grants (default 200).")
        int limit;

        @Spec
        CommandSpec spec;

        private final Map<String, String> environment;
        private final Clock clock;

        ListGrants() {
            this(System.getenv(), Clock.systemUTC());
        }

        ListGrants(Map<String, String> environment, Clock clock) {
            this.environment = Map.copyOf(environment);
            this.clock = clock;
        }

        @Override
        public Integer call() throws IOException {
            PrintWriter out = spec.commandLine().getOut();
            ThreadlineHome home = ThreadlineHome.fromEnvironment(environment).create();
            try (Database db = Database.open(environment, home.database())) {
                AccessPolicy policy = AccessPolicy.installed(new PolicyDecisionPoint(IngestCommand.registry(null),
                        CasesConfiguration.register(CaseRegisterMode.fromEnvironment(environment),
                                new CaseStore(db.dataSource()), clock), clock), PeopleContext.config(),
                        db.dataSource());
                Viewer v = access.viewer(policy, clock);
                if (!v.account().roles().contains(Role.DATA_PROTECTION_OFFICER)
                        || !PURPOSE.equals(v.declared().code())) {
                    throw new UsageException("Break-glass grants are listed for a data protection officer overseeing"
                            + " information governance: declare --as LOCAL_AUTHORITY:DATA_PROTECTION_OFFICER"
                            + " --purpose " + PURPOSE + ".");
                }
                BreakGlassStore store = new BreakGlassStore(db.dataSource());
                ViewAudit audit = new ViewAudit(db.dataSource(), InstalledAuditLog.store(home, clock), clock);
                String text = audit.viewOf(v, AuditAction.VIEW, "governance:break-glass",
                        List.of("break-glass grants", "reviews"), List.of(PURPOSE), () -> listing(store));
                out.print(text);
                out.flush();
            }
            return 0;
        }

        private String listing(BreakGlassStore store) {
            Instant now = clock.instant();
            List<BreakGlassStore.Grant> grants = store.newest(Math.max(1, limit)).stream()
                    .filter(g -> !toReview || g.review().isEmpty()).toList();
            StringWriter buffer = new StringWriter();
            PrintWriter w = new PrintWriter(buffer);
            w.printf(Locale.UK, "%,d grant(s): %,d live, %,d to review, %,d overdue.%n", grants.size(),
                    grants.stream().filter(g -> g.liveAt(now)).count(),
                    grants.stream().filter(g -> g.review().isEmpty()).count(),
                    grants.stream().filter(g -> g.reviewOverdueAt(now)).count());
            for (BreakGlassStore.Grant g : grants) {
                String state = g.endedAt().isPresent() ? "ENDED" : g.liveAt(now) ? "LIVE" : "EXPIRED";
                w.println("  " + g.grantId() + "  " + state + "  " + g.username() + " (" + g.agency() + ", "
                        + g.role() + ") for " + g.subject() + ", " + g.purpose()
                        + (g.caseReference().isEmpty() ? "" : " case " + g.caseReference()));
                w.println("      " + g.reasonCode() + ": " + g.reason());
                w.println("      granted " + g.grantedAt() + ", expires " + g.expiresAt() + ", under "
                        + g.agreement() + ", " + g.notified() + " notified");
                w.println("      " + g.review().map(r -> "reviewed " + r.outcome() + " by " + r.reviewer() + " at "
                        + r.reviewedAt() + ": " + r.reason()).orElse((g.reviewOverdueAt(now) ? "REVIEW OVERDUE"
                        : "review") + " due " + g.reviewDue()));
            }
            w.flush();
            return buffer.toString();
        }
    }
}
