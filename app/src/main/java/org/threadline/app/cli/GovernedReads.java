package org.threadline.app.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import org.threadline.app.audit.InstalledAuditLog;
import org.threadline.app.web.access.Access;
import org.threadline.app.web.access.AccessPolicy;
import org.threadline.app.web.access.ViewAudit;
import org.threadline.app.web.access.Viewer;
import org.threadline.app.web.people.PeopleViews;
import org.threadline.app.web.cases.CaseRegisterMode;
import org.threadline.app.web.cases.CasesConfiguration;
import org.threadline.domain.governance.policy.CaseRegister;
import org.threadline.domain.governance.policy.PolicyDecisionPoint;
import org.threadline.store.governance.CaseStore;

/**
 * The command line's way to personal data: the web app's policy enforcement (the same {@link AccessPolicy} on the
 * same signed agreements and agreement mapping, the same {@link PeopleViews} decisions, the same {@link ViewAudit})
 * built without Spring. A printout is composed in memory while its accesses are decided, the accesses are appended
 * to the audit log and committed, and only then is the printout written: no audit, no release.
 */
final class GovernedReads {
    final PeopleContext ctx;
    final AccessPolicy policy;
    final PeopleViews views;
    /** The case register the decision point asks: the stored one, or the declared mode's (ADR 0027). */
    final CaseRegister cases;
    private final ViewAudit audit;

    GovernedReads(PeopleContext ctx, Clock clock) {
        this.ctx = ctx;
        this.cases = CasesConfiguration.register(CaseRegisterMode.fromEnvironment(ctx.environment),
                new CaseStore(ctx.database.dataSource()), clock);
        PolicyDecisionPoint pdp = new PolicyDecisionPoint(IngestCommand.registry(null), cases, clock);
        this.policy = AccessPolicy.installed(pdp, PeopleContext.config(), ctx.database.dataSource());
        this.views = new PeopleViews(ctx.store, ctx.queries, policy);
        try {
            this.audit = new ViewAudit(ctx.database.dataSource(), InstalledAuditLog.store(ctx.home, clock), clock);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the audit log's key in " + ctx.home.root(), e);
        }
    }

    /**
     * Composes a printout with {@code compose} (which writes to the printout and adds every access it decided), has
     * the audit log record those accesses in one transaction, and writes the printout to {@code out} only once that
     * committed. A failure to record prints nothing of it.
     */
    void print(Viewer v, PrintWriter out, BiConsumer<PrintWriter, List<Access>> compose) {
        String text = audit.view(v, () -> {
            StringWriter buffer = new StringWriter();
            List<Access> accesses = new ArrayList<>();
            PrintWriter w = new PrintWriter(buffer);
            compose.accept(w, accesses);
            w.flush();
            return new ViewAudit.Viewed<>(buffer.toString(), accesses);
        });
        out.print(text);
        out.flush();
    }

    /** One line saying who read, as what, for which purpose and case: the same facts the audit entries hold. */
    static String readAs(Viewer v) {
        return "Read as " + v.account().username() + " (" + v.party() + ": " + (v.principal().roles().isEmpty()
                ? "no agreement role" : String.join(", ", v.principal().roles())) + ") for " + v.declared().code()
                + v.declared().caseReferenceIfAny().map(c -> ", case " + c).orElse("")
                + "; what you see and what is withheld are recorded in the audit log.";
    }

    /**
     * What was withheld, as counts and reasons only (never what it holds, nor which agency or feed it came from: that
     * alone can be telling).
     */
    static void withheld(PrintWriter w, int records, List<String> recordReasons, List<String> eventsNotShown,
                         long eventsWithoutDetails, int ties, List<Access> accesses) {
        List<String> lines = new ArrayList<>();
        if (records > 0) {
            lines.add(records + " source record(s) not shared with you: " + String.join("; ", recordReasons));
        }
        lines.addAll(eventsNotShown);
        if (eventsWithoutDetails > 0) {
            lines.add(eventsWithoutDetails + " event(s) shown by date and type only: their details are not shared"
                    + " with you");
        }
        if (ties > 0) {
            lines.add(ties + " relationship(s) not shown: known only from sources not shared with you");
        }
        long fieldsWithheld = accesses.stream().filter(Access::any).mapToLong(a -> a.withheld().size()).sum();
        if (fieldsWithheld > 0) {
            lines.add(fieldsWithheld + " field(s) of shared records or events withheld: " + String.join("; ",
                    new java.util.TreeSet<>(accesses.stream().filter(Access::any)
                            .filter(a -> !a.withheld().isEmpty()).map(Access::basisOfWithheld).toList())));
        }
        w.println("Withheld from you (counts and reasons only):");
        if (lines.isEmpty()) {
            w.println("  nothing");
        }
        lines.forEach(l -> w.println("  " + l));
    }
}
