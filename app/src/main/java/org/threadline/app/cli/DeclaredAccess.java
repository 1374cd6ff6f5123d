package org.threadline.app.cli;

import java.time.Clock;
import java.util.Locale;
import java.util.Set;
import org.threadline.app.web.access.AccessPolicy;
import org.threadline.app.web.access.Viewer;
import org.threadline.app.web.accounts.Account;
import org.threadline.app.web.accounts.Agency;
import org.threadline.app.web.accounts.Role;
import org.threadline.app.web.purpose.DeclaredPurpose;
import org.threadline.app.web.purpose.Purpose;
import org.threadline.app.web.purpose.PurposeCatalogue;
import org.threadline.app.web.purpose.PurposeDeclaration;
import picocli.CommandLine.Option;

/**
 * Who is reading personal data at the command line and why, declared the way the web app's purpose page declares it:
 * an agency and role (the web's, mapped to agreement parties and roles by the same {@code agreement-mapping.yaml}),
 * a purpose from the same catalogue that the role may declare, and the case where the purpose needs one. Without a
 * declaration nothing personal is read.
 */
final class DeclaredAccess {
    @Option(names = "--as", required = true, paramLabel = "AGENCY:ROLE",
            description = "Who you read as, e.g. CHILDRENS_SOCIAL_CARE:SOCIAL_WORKER or police:safeguarding-officer."
                    + " Agencies and roles as in the web app (docs/web.md).")
    String as;

    @Option(names = "--purpose", required = true, paramLabel = "CODE",
            description = "The purpose you declare, e.g. SAFEGUARDING.CHILD.MASH_TRIAGE (docs/governance.md).")
    String purpose;

    @Option(names = "--case", paramLabel = "REF", description = "The case you work on (required by purposes that"
            + " need one, such as MASH triage and section 47 enquiries).")
    String caseReference;

    @Option(names = "--user", paramLabel = "NAME",
            description = "Recorded in the audit log as the reader (default: the operating-system user).")
    String user;

    /** A declaration made in code (the demo's), read exactly as the options would be. */
    static DeclaredAccess of(String as, String purpose, String caseReference, String user) {
        DeclaredAccess d = new DeclaredAccess();
        d.as = as;
        d.purpose = purpose;
        d.caseReference = caseReference;
        d.user = user;
        return d;
    }

    /** The viewer the decision point and the audit log see; every mistake in the declaration is a usage error. */
    Viewer viewer(AccessPolicy policy, Clock clock) {
        return policy.viewer(account(), declared(clock));
    }

    /**
     * The same, checked as the purpose page checks it: a declared case must be an open case of the reader's agency
     * in the case register the reads ask (ADR 0027); otherwise a usage error says why, plainly, before anything is
     * read.
     */
    Viewer viewer(GovernedReads reads, Clock clock) {
        Viewer v = viewer(reads.policy, clock);
        java.util.Optional<String> problem = org.threadline.app.web.access.CaseWords.declaring(reads.cases, v.party(),
                v.declared().caseReference());
        if (problem.isPresent()) {
            throw new UsageException("--case: " + problem.get() + ".");
        }
        return v;
    }

    Account account() {
        String[] parts = as.split(":", 2);
        if (parts.length != 2) {
            throw new UsageException("--as needs AGENCY:ROLE, e.g. CHILDRENS_SOCIAL_CARE:SOCIAL_WORKER, not " + as);
        }
        Agency agency = parse(Agency.class, parts[0], "agency");
        Role role = parse(Role.class, parts[1], "role");
        String name = user != null ? user : System.getProperty("user.name", "");
        String username = name.strip().toLowerCase(Locale.ROOT);
        try {
            return new Account(username, username + " (command line)", agency, Set.of(role));
        } catch (IllegalArgumentException e) {
            throw new UsageException("--user '" + name + "': " + e.getMessage());
        }
    }

    DeclaredPurpose declared(Clock clock) {
        Account account = account();
        PurposeCatalogue catalogue = PurposeCatalogue.load();
        Purpose p = catalogue.find(purpose.strip()).orElseThrow(() -> new UsageException("--purpose " + purpose
                + " is not a purpose that may be declared; one of: " + String.join(", ",
                catalogue.purposes().stream().map(Purpose::code).toList())));
        if (!p.allowedFor(account.roles())) {
            throw new UsageException(account.roles().iterator().next() + " may not declare " + p.code() + "; they"
                    + " may declare: " + String.join(", ", catalogue.allowedFor(account.roles()).stream()
                    .map(Purpose::code).toList()));
        }
        // The web's own check decides (case reference required and well formed), so both ways in agree.
        PurposeDeclaration.Outcome outcome = new PurposeDeclaration(catalogue).check(account.roles(), p.code(),
                caseReference, clock.instant());
        if (outcome instanceof PurposeDeclaration.Rejected rejected) {
            throw new UsageException(p.code() + ": " + String.join("; ", rejected.errors().entrySet().stream()
                    .map(e -> (e.getKey().equals("caseReference") ? "--case: " : "--purpose: ") + e.getValue())
                    .toList()));
        }
        return ((PurposeDeclaration.Declared) outcome).purpose();
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String text, String what) {
        String name = text.strip().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
        try {
            return Enum.valueOf(type, name);
        } catch (IllegalArgumentException e) {
            throw new UsageException("no such " + what + " '" + text + "'; one of: " + String.join(", ",
                    java.util.Arrays.stream(type.getEnumConstants()).map(Enum::name).toList()));
        }
    }
}
