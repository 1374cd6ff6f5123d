package org.threadline.app.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.threadline.app.audit.InstalledAuditLog;
import org.threadline.app.home.ThreadlineHome;
import org.threadline.app.web.access.AccessPolicy;
import org.threadline.app.web.access.ViewAudit;
import org.threadline.app.web.access.Viewer;
import org.threadline.app.web.cases.CaseRegisterMode;
import org.threadline.app.web.cases.CasesConfiguration;
import org.threadline.app.web.markers.SubjectMarkers;
import org.threadline.domain.governance.agreements.AgreementRegistry;
import org.threadline.domain.governance.policy.PolicyDecisionPoint;
import org.threadline.store.Database;
import org.threadline.store.governance.CaseStore;
import org.threadline.store.governance.SubjectMarkerStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code ./threadline markers set|remove|list PERSON_ID}: the markers on a person that the agreements' forbid rules
 * act on (ADR 0035), for a data protection officer declaring the oversight purpose, with a reason for every change and
 * the change's audit entry written in its transaction.
 */
@Command(name = "markers", mixinStandardHelpOptions = true,
        description = {"Markers on a person that the agreements' forbid rules act on (SEALED_ADOPTION_RECORD, "
                + "RESTRICTED_RECORD, REFUGE_ADDRESS): what a rule covers is then refused to anyone the rule does not "
                + "except (ADR 0035).",
            "Declare --as AGENCY:DATA_PROTECTION_OFFICER --purpose GOVERNANCE.OVERSIGHT.",
            "Uses THREADLINE_DB_URL if set, else embedded PostgreSQL under THREADLINE_HOME/db."},
        subcommands = {MarkersCommand.Set.class, MarkersCommand.Remove.class, MarkersCommand.ListMarkers.class})
final class MarkersCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                "Name a markers command: set, remove or list.");
    }

    /** What every markers command shares: who declares, where the store is, and the service built on it. */
    abstract static class MarkerCommand implements Callable<Integer> {
        @Mixin
        DeclaredAccess access;

        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "PERSON_ID", description = "The person id, e.g. P0000123.")
        String personId;

        final Map<String, String> environment;
        final Clock clock;

        MarkerCommand(Map<String, String> environment, Clock clock) {
            this.environment = Map.copyOf(environment);
            this.clock = clock;
        }

        @Override
        public Integer call() throws IOException {
            PrintWriter out = spec.commandLine().getOut();
            ThreadlineHome home = ThreadlineHome.fromEnvironment(environment).create();
            try (Database db = Database.open(environment, home.database())) {
                AgreementRegistry agreements = IngestCommand.registry(null);
                SubjectMarkerStore store = new SubjectMarkerStore(db.dataSource());
                AccessPolicy policy = AccessPolicy.installed(new PolicyDecisionPoint(agreements,
                        CasesConfiguration.register(CaseRegisterMode.fromEnvironment(environment),
                                new CaseStore(db.dataSource()), clock), clock), PeopleContext.config(),
                        db.dataSource());
                Viewer v = access.viewer(policy, clock);
                ViewAudit audit = new ViewAudit(db.dataSource(), InstalledAuditLog.store(home, clock), clock);
                SubjectMarkers markers = new SubjectMarkers(store, audit, agreements, clock);
                if (markers.refusal(v).isPresent()) {
                    throw new UsageException(markers.refuse(v, spec.name().toUpperCase(java.util.Locale.ROOT)));
                }
                return run(markers, v, out);
            }
        }

        abstract int run(SubjectMarkers markers, Viewer v, PrintWriter out);

        /** A change's outcome: what was done (exit 0), or why not (a usage error naming the argument). */
        static int report(SubjectMarkers.Result r, PrintWriter out) {
            if (!r.done()) {
                throw new UsageException(String.join("; ", r.errors().entrySet().stream()
                        .map(e -> switch (e.getKey()) {
                            case "personId" -> "PERSON_ID";
                            case "marker" -> "MARKER";
                            default -> "--reason";
                        } + ": " + e.getValue()).toList()) + ".");
            }
            out.println(r.message() + " Recorded in the audit log.");
            out.flush();
            return 0;
        }
    }

    /** A change: the marker and the reason, both required. */
    abstract static class MarkerChange extends MarkerCommand {
        @Parameters(index = "1", paramLabel = "MARKER",
                description = "A marker the agreements' forbid rules name, e.g. SEALED_ADOPTION_RECORD.")
        String marker;

        @Option(names = "--reason", required = true, paramLabel = "TEXT",
                description = "Why (kept with the marker; required).")
        String reason;

        MarkerChange(Map<String, String> environment, Clock clock) {
            super(environment, clock);
        }
    }

    @Command(name = "set", mixinStandardHelpOptions = true,
            description = "Mark a person: what the agreements' rules on MARKER cover is refused from the next read.")
    static final class Set extends MarkerChange {
        Set() {
            this(System.getenv(), Clock.systemUTC());
        }

        Set(Map<String, String> environment, Clock clock) {
            super(environment, clock);
        }

        @Override
        int run(SubjectMarkers markers, Viewer v, PrintWriter out) {
            return report(markers.set(v, personId, marker, reason), out);
        }
    }

    @Command(name = "remove", mixinStandardHelpOptions = true,
            description = "Remove a person's marker (stamped with who and why, kept in the history, not deleted).")
    static final class Remove extends MarkerChange {
        Remove() {
            this(System.getenv(), Clock.systemUTC());
        }

        Remove(Map<String, String> environment, Clock clock) {
            super(environment, clock);
        }

        @Override
        int run(SubjectMarkers markers, Viewer v, PrintWriter out) {
            return report(markers.remove(v, personId, marker, reason), out);
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "List every marker a person has had, current and removed, with who and why.")
    static final class ListMarkers extends MarkerCommand {
        ListMarkers() {
            this(System.getenv(), Clock.systemUTC());
        }

        ListMarkers(Map<String, String> environment, Clock clock) {
            super(environment, clock);
        }

        @Override
        int run(SubjectMarkers markers, Viewer v, PrintWriter out) {
            List<SubjectMarkerStore.Marker> found;
            try {
                found = markers.history(v, personId);
            } catch (IllegalArgumentException e) {
                throw new UsageException("PERSON_ID: " + e.getMessage() + ".");
            }
            long current = found.stream().filter(SubjectMarkerStore.Marker::current).count();
            out.println(personId.strip().toUpperCase(java.util.Locale.ROOT) + ": " + current + " current marker(s), "
                    + (found.size() - current) + " removed");
            for (SubjectMarkerStore.Marker m : found) {
                out.println("  " + m.marker() + "  " + (m.current() ? "CURRENT" : "REMOVED") + "  set " + m.setAt()
                        + " by " + m.setBy() + ": " + m.setReason()
                        + m.removedAt().map(t -> "; removed " + t + " by " + m.removedBy().orElse("") + ": "
                        + m.removedReason().orElse("")).orElse(""));
            }
            out.println("Markers the agreements act on: " + String.join(", ", markers.known().keySet()));
            out.flush();
            return 0;
        }
    }
}
