package org.threadline.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.threadline.app.audit.InstalledAuditLog;
import org.threadline.app.home.ThreadlineHome;
import org.threadline.app.web.access.AccessPolicy;
import org.threadline.app.web.access.ViewAudit;
import org.threadline.app.web.access.Viewer;
import org.threadline.app.web.cases.CaseManagers;
import org.threadline.app.web.cases.CaseRegisterMode;
import org.threadline.app.web.cases.Cases;
import org.threadline.app.web.cases.CasesConfiguration;
import org.threadline.domain.governance.policy.CaseRegister;
import org.threadline.domain.governance.policy.PolicyDecisionPoint;
import org.threadline.store.Database;
import org.threadline.store.governance.CaseStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code ./threadline cases open|link|unlink|close|dismiss|list}: the case register as the web's {@code /cases}
 * pages manage it (ADR 0027), with the same rules ({@code config/governance/cases.yaml}: a manager of their own
 * agency's cases, declaring the case-management purpose) and the same audit entry, written in the transaction of each
 * change. {@code dismiss} answers an item to check that a people build's split left (ADR 0031).
 */
@Command(name = "cases", mixinStandardHelpOptions = true,
        description = {"Your agency's case register: open a case, link and unlink people, close it, list the cases "
                + "(ADR 0027). A purpose that needs a case shows someone only while the case is open and links them.",
            "Declare --as AGENCY:ROLE --purpose CASEWORK.MANAGE_CASES (roles in config/governance/cases.yaml).",
            "Uses THREADLINE_DB_URL if set, else embedded PostgreSQL under THREADLINE_HOME/db."},
        subcommands = {CasesCommand.Open.class, CasesCommand.Link.class, CasesCommand.Unlink.class,
            CasesCommand.Close.class, CasesCommand.Dismiss.class, CasesCommand.ListCases.class})
final class CasesCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                "Name a cases command: open, link, unlink, close, dismiss or list.");
    }

    /** What every cases command shares: who declares, where the store is, and the service built on it. */
    abstract static class CaseCommand implements Callable<Integer> {
        @Mixin
        DeclaredAccess access;

        @Spec
        CommandSpec spec;

        final Map<String, String> environment;
        final Clock clock;

        CaseCommand(Map<String, String> environment, Clock clock) {
            this.environment = Map.copyOf(environment);
            this.clock = clock;
        }

        @Override
        public Integer call() throws IOException {
            PrintWriter out = spec.commandLine().getOut();
            ThreadlineHome home = ThreadlineHome.fromEnvironment(environment).create();
            try (Database db = Database.open(environment, home.database())) {
                CaseStore store = new CaseStore(db.dataSource());
                CaseRegister register = CasesConfiguration.register(CaseRegisterMode.fromEnvironment(environment),
                        store, clock);
                AccessPolicy policy = AccessPolicy.installed(new PolicyDecisionPoint(IngestCommand.registry(null),
                        register, clock), PeopleContext.config(), db.dataSource());
                Viewer v = access.viewer(policy, clock);
                ViewAudit audit = new ViewAudit(db.dataSource(), InstalledAuditLog.store(home, clock), clock);
                Cases cases = new Cases(store, CaseManagers.read(PeopleContext.config("governance", "cases.yaml")),
                        audit, register, clock);
                if (cases.refusal(v).isPresent()) {
                    throw new UsageException(cases.refuse(v, spec.name().toUpperCase(java.util.Locale.ROOT)));
                }
                return run(cases, v, out);
            }
        }

        abstract int run(Cases cases, Viewer v, PrintWriter out) throws IOException;

        /** A change's outcome: what was done (exit 0), or why not (a usage error naming the argument). */
        static int report(Cases.Result r, PrintWriter out) {
            if (!r.done()) {
                throw new UsageException(String.join("; ", r.errors().entrySet().stream()
                        .map(e -> (e.getKey().equals("personId") ? "PERSON_ID" : "REF") + ": " + e.getValue())
                        .toList()) + ".");
            }
            out.println(r.message() + " Recorded in the audit log.");
            out.flush();
            return 0;
        }
    }

    @Command(name = "open", mixinStandardHelpOptions = true, description = "Open a case of your agency.")
    static final class Open extends CaseCommand {
        @Parameters(index = "0", paramLabel = "REF", description = "The case reference, e.g. MASH-2026-0412.")
        String reference;

        Open() {
            this(System.getenv(), Clock.systemUTC());
        }

        Open(Map<String, String> environment, Clock clock) {
            super(environment, clock);
        }

        @Override
        int run(Cases cases, Viewer v, PrintWriter out) {
            return report(cases.open(v, reference), out);
        }
    }

    @Command(name = "link", mixinStandardHelpOptions = true,
            description = "Link a person (by the id their page shows, e.g. P0000123) to an open case of your agency.")
    static final class Link extends CaseCommand {
        @Parameters(index = "0", paramLabel = "REF", description = "The case reference.")
        String reference;

        @Parameters(index = "1", paramLabel = "PERSON_ID", description = "The person id, e.g. P0000123.")
        String personId;

        Link() {
            this(System.getenv(), Clock.systemUTC());
        }

        Link(Map<String, String> environment, Clock clock) {
            super(environment, clock);
        }

        @Override
        int run(Cases cases, Viewer v, PrintWriter out) {
            return report(cases.link(v, reference, personId), out);
        }
    }

    @Command(name = "unlink", mixinStandardHelpOptions = true,
            description = "End a person's link to an open case (kept in the register's history, not deleted).")
    static final class Unlink extends CaseCommand {
        @Parameters(index = "0", paramLabel = "REF", description = "The case reference.")
        String reference;

        @Parameters(index = "1", paramLabel = "PERSON_ID", description = "The person id, e.g. P0000123.")
        String personId;

        Unlink() {
            this(System.getenv(), Clock.systemUTC());
        }

        Unlink(Map<String, String> environment, Clock clock) {
            super(environment, clock);
        }

        @Override
        int run(Cases cases, Viewer v, PrintWriter out) {
            return report(cases.unlink(v, reference, personId), out);
        }
    }

    @Command(name = "close", mixinStandardHelpOptions = true,
            description = "Close an open case of your agency: it no longer opens anyone's records, and stays closed.")
    static final class Close extends CaseCommand {
        @Parameters(index = "0", paramLabel = "REF", description = "The case reference.")
        String reference;

        Close() {
            this(System.getenv(), Clock.systemUTC());
        }

        Close(Map<String, String> environment, Clock clock) {
            super(environment, clock);
        }

        @Override
        int run(Cases cases, Viewer v, PrintWriter out) {
            return report(cases.close(v, reference), out);
        }
    }

    @Command(name = "dismiss", mixinStandardHelpOptions = true,
            description = "Answer a case's item to check (a linked person's records went to PERSON_ID at a people"
                    + " build) without linking PERSON_ID; to link them, use link.")
    static final class Dismiss extends CaseCommand {
        @Parameters(index = "0", paramLabel = "REF", description = "The case reference.")
        String reference;

        @Parameters(index = "1", paramLabel = "PERSON_ID", description = "The person the item names, e.g. P0000123.")
        String personId;

        Dismiss() {
            this(System.getenv(), Clock.systemUTC());
        }

        Dismiss(Map<String, String> environment, Clock clock) {
            super(environment, clock);
        }

        @Override
        int run(Cases cases, Viewer v, PrintWriter out) {
            return report(cases.dismiss(v, reference, personId), out);
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "List your agency's cases, open ones first, with the people linked to each now.")
    static final class ListCases extends CaseCommand {
        @Option(names = "--closed", description = "Closed cases too.")
        boolean closed;

        @Option(names = "--limit", defaultValue = "200", description = "At most this many cases (default 200).")
        int limit;

        @Option(names = "--json", description = "Print JSON: one object per case, with every link it has had.")
        boolean json;

        ListCases() {
            this(System.getenv(), Clock.systemUTC());
        }

        ListCases(Map<String, String> environment, Clock clock) {
            super(environment, clock);
        }

        @Override
        int run(Cases cases, Viewer v, PrintWriter out) throws IOException {
            List<CaseStore.Case> found = cases.list(v, closed, Math.max(1, limit));
            if (json) {
                out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                        .writeValueAsString(found.stream().map(ListCases::asJson).toList()));
                out.flush();
                return 0;
            }
            out.printf(java.util.Locale.UK, "%,d case(s) of %s%s:%n", found.size(), v.party(),
                    closed ? "" : " (open only; --closed for all)");
            for (CaseStore.Case k : found) {
                out.println("  " + k.reference() + "  " + (k.open() ? "OPEN" : "CLOSED") + "  opened "
                        + k.openedAt() + " by " + k.openedBy()
                        + k.closedAt().map(t -> ", closed " + t + " by " + k.closedBy().orElse("")).orElse(""));
                out.println("      linked now: " + (k.linkedNow().isEmpty() ? "no one"
                        : String.join(", ", k.linkedNow())));
                for (CaseStore.Check x : k.toCheck()) {
                    out.println("      TO CHECK: " + x.toPerson() + " (records from " + x.personId() + ", "
                            + x.raisedAt() + "): link it (cases link " + k.reference() + " " + x.toPerson()
                            + ") or dismiss it (cases dismiss " + k.reference() + " " + x.toPerson() + ")");
                }
            }
            out.flush();
            return 0;
        }

        private static Map<String, Object> asJson(CaseStore.Case k) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("reference", k.reference());
            m.put("agency", k.agency());
            m.put("status", k.open() ? "OPEN" : "CLOSED");
            m.put("openedAt", k.openedAt().toString());
            m.put("openedBy", k.openedBy());
            m.put("closedAt", k.closedAt().map(Object::toString).orElse(null));
            m.put("closedBy", k.closedBy().orElse(null));
            List<Map<String, Object>> links = new ArrayList<>();
            for (CaseStore.Link l : k.links()) {
                Map<String, Object> lm = new LinkedHashMap<>();
                lm.put("personId", l.personId());
                lm.put("linkedAt", l.linkedAt().toString());
                lm.put("linkedBy", l.linkedBy());
                lm.put("unlinkedAt", l.unlinkedAt().map(Object::toString).orElse(null));
                lm.put("unlinkedBy", l.unlinkedBy().orElse(null));
                lm.put("linkedReason", l.linkedReason().orElse(null));
                lm.put("unlinkedReason", l.unlinkedReason().orElse(null));
                links.add(lm);
            }
            m.put("links", links);
            List<Map<String, Object>> checks = new ArrayList<>();
            for (CaseStore.Check x : k.checks()) {
                Map<String, Object> cm = new LinkedHashMap<>();
                cm.put("personId", x.personId());
                cm.put("toPerson", x.toPerson());
                cm.put("raisedAt", x.raisedAt().toString());
                cm.put("note", x.note());
                cm.put("settledAt", x.settledAt().map(Object::toString).orElse(null));
                cm.put("settledBy", x.settledBy().orElse(null));
                cm.put("settledHow", x.settledHow().orElse(null));
                checks.add(cm);
            }
            m.put("checks", checks);
            return m;
        }
    }
}
