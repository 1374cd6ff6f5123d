package org.threadline.app.web.people;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.SessionAttribute;
import org.springframework.web.server.ResponseStatusException;
import org.threadline.app.web.access.Access;
import org.threadline.app.web.access.AccessPolicy;
import org.threadline.app.web.access.CaseWords;
import org.threadline.app.web.access.ViewAudit;
import org.threadline.app.web.access.Viewer;
import org.threadline.app.web.accounts.SignedInUser;
import org.threadline.app.web.breakglass.BreakGlass;
import org.threadline.app.web.purpose.DeclaredPurpose;
import org.threadline.domain.people.Family;
import org.threadline.domain.people.Relationship;
import org.threadline.store.governance.BreakGlassStore;

/**
 * The person page and the family page, addressed by the person id alone: a number the build allocates
 * ({@code P0000123}), carrying nothing about the person (ADR 0013). Anything else in that place is "not found".
 */
@Controller
public class PersonPages {
    static final Pattern PERSON_ID = Pattern.compile("P\\d{7}");

    private final PeopleViews views;
    private final AccessPolicy policy;
    private final ViewAudit audit;
    private final FlagViews flags;
    private final BreakGlass breakGlass;

    public PersonPages(PeopleViews views, AccessPolicy policy, ViewAudit audit, FlagViews flags,
                       BreakGlass breakGlass) {
        this.views = views;
        this.policy = policy;
        this.audit = audit;
        this.flags = flags;
        this.breakGlass = breakGlass;
    }

    @GetMapping("/people/{personId}")
    public String person(@PathVariable("personId") String personId, @AuthenticationPrincipal SignedInUser user,
            @SessionAttribute(DeclaredPurpose.SESSION_ATTRIBUTE) DeclaredPurpose purpose, Model model) {
        return person(personId, false, user, purpose, model);
    }

    @GetMapping("/people/{personId}/significant")
    public String significant(@PathVariable("personId") String personId, @AuthenticationPrincipal SignedInUser user,
            @SessionAttribute(DeclaredPurpose.SESSION_ATTRIBUTE) DeclaredPurpose purpose, Model model) {
        return person(personId, true, user, purpose, model);
    }

    private String person(String personId, boolean significant, SignedInUser user, DeclaredPurpose purpose,
                          Model model) {
        requireKnown(personId);
        Viewer asked = policy.viewer(user.account(), purpose);
        Optional<BreakGlassStore.Grant> grant = breakGlass.live(asked, personId);
        // A live break-glass grant for this person carries its claim to the decision point; for anyone else on the
        // page (relatives' names) the claim does not apply, and the decision point would refuse it if it did.
        Viewer v = grant.map(g -> breakGlass.forSubject(asked, personId)).orElse(asked);
        Map<String, Object> page = audit.view(v, () -> {
            List<Access> accesses = new ArrayList<>();
            PeopleViews.Records records = views.records(v, personId, true);
            accesses.addAll(records.accesses());
            PeopleViews.Chronology chronology = views.chronology(v, List.of(personId), significant, accesses);
            int[] hiddenTies = {0};
            List<Relationship> rels = views.visible(v, views.store().relationshipsOf(personId), accesses,
                    hiddenTies);
            List<String> others = rels.stream().flatMap(r -> java.util.stream.Stream.of(r.fromPerson(),
                    r.toPerson())).filter(p -> !p.equals(personId)).distinct().toList();
            Map<String, String> names = new java.util.HashMap<>(views.names(v, others, accesses));
            names.put(personId, records.identity().name());
            Map<String, Object> m = new java.util.HashMap<>();
            m.put("identity", records.identity());
            m.put("records", records.records());
            m.put("notShared", records.notShared());
            m.put("whyNotShared", records.whyNotShared());
            m.put("relationships", views.relationships(rels, names));
            m.put("hiddenTies", hiddenTies[0]);
            m.put("chronology", chronology);
            m.put("whoToCall", views.whoToCall(personId, chronology.visible()));
            m.put("flags", flags.flags(v, personId, accesses));
            m.put("accesses", Access.distinct(accesses.stream().filter(a -> a.subject().equals(personId) && a.any())
                    .toList()));
            m.put("withheldReasons", Access.reasonsNothingShown(accesses));
            CaseWords.onPage(v, accesses, personId).ifPresent(p -> m.put("caseProblem", p));
            return new ViewAudit.Viewed<>(m, accesses);
        });
        model.addAllAttributes(page);
        if (page.get("caseProblem") instanceof String problem) {
            CaseWords.remember(problem);
        }
        model.addAttribute("viewer", v);
        model.addAttribute("significant", significant);
        model.addAttribute("breakGlassGrant", grant.orElse(null));
        grant.ifPresent(g -> model.addAttribute("breakGlassExpires", org.threadline.app.web.layout.UkTime.INSTANCE.of(g.expiresAt())));
        boolean somethingWithheld = ((Integer) page.get("notShared")) > 0
                || !((List<?>) page.get("withheldReasons")).isEmpty();
        model.addAttribute("breakGlassOffered", grant.isEmpty() && somethingWithheld
                && breakGlass.eligibility(asked).isPresent());
        return "person";
    }

    @GetMapping("/people/{personId}/family")
    public String family(@PathVariable("personId") String personId, @AuthenticationPrincipal SignedInUser user,
            @SessionAttribute(DeclaredPurpose.SESSION_ATTRIBUTE) DeclaredPurpose purpose, Model model) {
        requireKnown(personId);
        Viewer asked = policy.viewer(user.account(), purpose);
        // The family page is about its anchor as the person page is: a live grant for the anchor releases the
        // anchor's own records here too, and only theirs (AccessPolicy asks with the claim only about its subject).
        // A grant for another member is not used on someone else's family page: a grant opens one person's records
        // where that person is the one being looked at (ADR 0024).
        Optional<BreakGlassStore.Grant> grant = breakGlass.live(asked, personId);
        Viewer v = grant.map(g -> breakGlass.forSubject(asked, personId)).orElse(asked);
        Map<String, Object> page = audit.view(v, () -> {
            List<Access> accesses = new ArrayList<>();
            Family f = views.family(personId);
            int[] hiddenTies = {0};
            List<Relationship> shownTies = views.visible(v, f.relationships(), accesses, hiddenTies);
            // Only the anchor and the people a shown tie reaches: membership itself can come from hidden sources.
            java.util.Set<String> reached = new java.util.LinkedHashSet<>(List.of(personId));
            shownTies.forEach(r -> {
                reached.add(r.fromPerson());
                reached.add(r.toPerson());
            });
            List<String> ids = f.members().stream().map(m -> m.personId()).filter(reached::contains).toList();
            Map<String, String> names = views.names(v, ids, accesses);
            List<String[]> ties = shownTies.stream().map(r -> new String[] {r.fromPerson(), r.toPerson(),
                    "tl-tie-" + r.basis().name().toLowerCase(java.util.Locale.ROOT), r.type().name()
                    .toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + " (" + r.basis().name()
                    .toLowerCase(java.util.Locale.ROOT) + ")"}).toList();
            Map<String, Object> m = new java.util.HashMap<>();
            m.put("anchor", personId);
            m.put("names", names);
            m.put("relationships", views.relationships(shownTies, names));
            m.put("hiddenTies", hiddenTies[0]);
            m.put("picture", Pictures.family(personId, names, ties));
            m.put("chronology", views.chronology(v, ids, true, accesses));
            m.put("accesses", Access.distinct(accesses.stream().filter(Access::any).toList()));
            m.put("withheldReasons", Access.reasonsNothingShown(accesses));
            CaseWords.onPage(v, accesses, personId).ifPresent(p -> m.put("caseProblem", p));
            return new ViewAudit.Viewed<>(m, accesses);
        });
        model.addAllAttributes(page);
        if (page.get("caseProblem") instanceof String problem) {
            CaseWords.remember(problem);
        }
        model.addAttribute("viewer", v);
        model.addAttribute("breakGlassGrant", grant.orElse(null));
        grant.ifPresent(g -> model.addAttribute("breakGlassExpires", org.threadline.app.web.layout.UkTime.INSTANCE.of(g.expiresAt())));
        return "family";
    }

    private void requireKnown(String personId) {
        if (!PERSON_ID.matcher(personId).matches() || !views.exists(personId)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
    }
}
