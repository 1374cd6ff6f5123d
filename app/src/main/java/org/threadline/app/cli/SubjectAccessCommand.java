package org.threadline.app.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.Callable;
import org.threadline.app.audit.InstalledAuditLog;
import org.threadline.app.governance.DisclosureRules;
import org.threadline.app.governance.SubjectAccess;
import org.threadline.app.home.ThreadlineHome;
import org.threadline.store.Database;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ./threadline subject-access PERSON_ID --out DIR}: everything held about a person, and who looked. */
@Command(name = "subject-access", mixinStandardHelpOptions = true,
        description = {"Export everything held about a person with its sources, and who accessed their record and"
            + " why, as JSON and a readable Markdown page; entries the disclosure rules withhold are listed by rule,"
            + " never shown. The export is itself an audit entry."})
final class SubjectAccessCommand implements Callable<Integer> {
    @Parameters(paramLabel = "PERSON_ID")
    String personId;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Folder for the two files.")
    Path out;

    @Option(names = "--requested-by", paramLabel = "NAME", description = "Who is exporting (default: you).")
    String requestedBy = System.getProperty("user.name", "unknown");

    @Option(names = "--agency", paramLabel = "AGENCY", description = "Their agency (default: ${DEFAULT-VALUE}).")
    String agency = "social-care";

    @Option(names = "--reason", paramLabel = "TEXT", description = "Why (default: ${DEFAULT-VALUE}).")
    String reason = "subject access request";

    @Option(names = "--rules", paramLabel = "FILE",
            description = "Disclosure rules (default: config/governance/subject-access.yaml).")
    Path rules;

    @Spec
    CommandSpec spec;

    private final Map<String, String> environment;

    SubjectAccessCommand() {
        this(System.getenv());
    }

    SubjectAccessCommand(Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter w = spec.commandLine().getOut();
        ThreadlineHome home = ThreadlineHome.fromEnvironment(environment).create();
        DisclosureRules disclosure = DisclosureRules.read(rules != null ? rules
                : PeopleContext.config("governance", "subject-access.yaml"));
        try (Database db = Database.open(environment, home.database())) {
            SubjectAccess.Export e;
            try {
                e = new SubjectAccess(db.dataSource(), InstalledAuditLog.store(home, Clock.systemUTC()), disclosure,
                        Clock.systemUTC()).export(new SubjectAccess.Request(personId, requestedBy, agency, reason),
                        out);
            } catch (IllegalArgumentException ex) {
                throw new UsageException(ex.getMessage());
            }
            w.println("Subject access export of " + personId + " (audit entry " + e.auditSequence() + "):");
            w.println("  " + e.json());
            w.println("  " + e.page());
            w.println("  records " + e.document().path("records").size() + ", source rows "
                    + e.document().path("source_rows").size() + ", events " + e.document().path("events").size()
                    + ", relationships " + e.document().path("relationships").size() + ", accesses "
                    + e.document().path("accessed_by").size());
            if (e.withheld().isEmpty()) {
                w.println("  nothing withheld");
            }
            for (SubjectAccess.Withheld x : e.withheld()) {
                w.println("  withheld under " + x.rule() + ": " + x.items() + " item(s)");
            }
            w.println("Review third-party details (a row naming someone else is shown whole) before release.");
        }
        return 0;
    }
}
