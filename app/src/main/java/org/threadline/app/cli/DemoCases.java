package org.threadline.app.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.threadline.app.audit.InstalledAuditLog;
import org.threadline.app.web.access.ViewAudit;
import org.threadline.app.web.access.Viewer;
import org.threadline.app.web.cases.CaseManagers;
import org.threadline.app.web.cases.Cases;
import org.threadline.domain.people.Family;
import org.threadline.store.governance.CaseStore;

/**
 * The demo's case (ADR 0027): {@link DemoCommand#DEMO_CASE}, opened in the case register of each agency whose demo
 * login triages it (police, health, schools and children's social care, as the demo accounts of docs/web.md), linking
 * the sample child and their family. Opened and linked the way anyone does it, by a manager of each agency declaring
 * the case-management purpose (recorded as the demo operator), so each step is in the audit log. Run again, it finds
 * the case open and the people linked, and changes nothing.
 */
final class DemoCases {
    /** Who opens the demo case at each agency: a manager role of the demo login's agency (cases.yaml). */
    static final List<String> MANAGERS = List.of("POLICE:SAFEGUARDING_OFFICER", "HEALTH:SAFEGUARDING_OFFICER",
            "SCHOOLS:DESIGNATED_SAFEGUARDING_LEAD", "CHILDRENS_SOCIAL_CARE:SOCIAL_WORKER");

    private DemoCases() {
    }

    /** What was seeded: the agencies (agreement parties) whose register has the case, and the people it links. */
    record Seeded(List<String> agencies, List<String> people) {
    }

    /** Opens the demo case at each agency and links the child and everyone in their family; returns what it holds. */
    static Seeded seed(GovernedReads reads, String child, Clock clock, String operator) {
        Family family = reads.ctx.queries.family(child);
        Set<String> people = new LinkedHashSet<>(List.of(child));
        family.members().forEach(m -> people.add(m.personId()));
        CaseStore store = new CaseStore(reads.ctx.database.dataSource());
        ViewAudit audit;
        try {
            audit = new ViewAudit(reads.ctx.database.dataSource(), InstalledAuditLog.store(reads.ctx.home, clock),
                    clock);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the audit log's key in " + reads.ctx.home.root(), e);
        }
        Cases cases = new Cases(store, CaseManagers.read(PeopleContext.config("governance", "cases.yaml")), audit,
                reads.cases, clock);
        List<String> agencies = new ArrayList<>();
        for (String manager : MANAGERS) {
            Viewer v = DeclaredAccess.of(manager, cases.managers().purpose(), null, operator)
                    .viewer(reads.policy, clock);
            cases.open(v, DemoCommand.DEMO_CASE); // already open on a second run: nothing changes
            for (String p : people) {
                cases.link(v, DemoCommand.DEMO_CASE, p);
            }
            if (store.find(v.party(), DemoCommand.DEMO_CASE).map(CaseStore.Case::open).orElse(false)) {
                agencies.add(v.party());
            }
        }
        return new Seeded(agencies, List.copyOf(people));
    }
}
