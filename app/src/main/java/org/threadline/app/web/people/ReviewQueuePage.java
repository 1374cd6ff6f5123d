package org.threadline.app.web.people;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.SessionAttribute;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.threadline.app.people.MatchExplanations;
import org.threadline.app.web.access.Access;
import org.threadline.app.web.access.AccessPolicy;
import org.threadline.app.web.access.ViewAudit;
import org.threadline.app.web.access.Viewer;
import org.threadline.app.web.accounts.SignedInUser;
import org.threadline.app.web.purpose.DeclaredPurpose;
import org.threadline.store.people.Build;
import org.threadline.store.people.PeopleStore;

/**
 * The review queue: two records side by side (only the fields the viewer may see), the waterfall of evidence the
 * build stored, and a form to decide link / not link / unsure with a reason, attributed to the signed-in person
 * and their agency. A decision applies from the next build (docs/people.md).
 */
@Controller
public class ReviewQueuePage {
    static final int SHOWN = 20;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final PeopleStore store;
    private final AccessPolicy policy;
    private final ViewAudit audit;
    private final Clock clock;

    public ReviewQueuePage(PeopleStore store, AccessPolicy policy, ViewAudit audit, Clock clock) {
        this.store = store;
        this.policy = policy;
        this.audit = audit;
        this.clock = clock;
    }

    /** One item as shown. */
    public record Item(int number, String kind, String recordA, String recordB, String personA, String personB,
                       double probability, List<Row> rows, Optional<Pictures.Waterfall> picture,
                       List<MatchExplanations.Bar> bars, String basisA, String basisB, String agencyA,
                       String agencyB, boolean reviewable) {
    }

    /** A field of both records. */
    public record Row(String label, String a, String b, String same) {
    }

    @GetMapping("/review")
    public String queue(@AuthenticationPrincipal SignedInUser user,
            @SessionAttribute(DeclaredPurpose.SESSION_ATTRIBUTE) DeclaredPurpose purpose, Model model) {
        Viewer v = policy.viewer(user.account(), purpose);
        List<Access> accesses = new ArrayList<>();
        List<Item> items = audit.view(v, () -> {
            List<Build.ReviewRow> queue = store.reviewQueue();
            model.addAttribute("total", queue.size());
            List<Item> out = new ArrayList<>();
            for (Build.ReviewRow r : queue.stream().limit(SHOWN).toList()) {
                Optional<Build.RecordRow> a = store.record(r.recordA());
                Optional<Build.RecordRow> b = store.record(r.recordB());
                if (a.isEmpty() || b.isEmpty()) {
                    continue;
                }
                Access xa = policy.record(v, a.get());
                Access xb = policy.record(v, b.get());
                accesses.add(xa);
                accesses.add(xb);
                out.add(item(out.size() + 1, r, a.get(), b.get(), xa, xb));
            }
            return new ViewAudit.Viewed<>(out, accesses);
        });
        model.addAttribute("items", items);
        model.addAttribute("viewer", v);
        model.addAttribute("accesses", Access.distinct(accesses.stream().filter(Access::any).toList()));
        model.addAttribute("withheldReasons", Access.reasonsNothingShown(accesses));
        return "review";
    }

    private static Item item(int n, Build.ReviewRow r, Build.RecordRow a, Build.RecordRow b, Access xa, Access xb) {
        if (!xa.any() || !xb.any()) {
            // Nothing about a record that is not shared: not its agency, its fields, nor the evidence's levels.
            String why = String.join("; ", new java.util.TreeSet<>(List.of(xa.basis(), xb.basis())));
            return new Item(n, r.kind(), r.recordA(), r.recordB(), r.personA(), r.personB(), r.probability(),
                    List.of(), Optional.empty(), List.of(), why, why, "", "", false);
        }
        List<Row> rows = new ArrayList<>();
        PeopleViews.IDENTITY.forEach((f, label) -> {
            String va = a.identity().getOrDefault(f, "");
            String vb = b.identity().getOrDefault(f, "");
            if (va.isBlank() && vb.isBlank()) {
                return;
            }
            // Blank and withheld read alike, so a page never tells which fields a hidden record holds.
            String sa = xa.shows(f) ? va : "Not shown";
            String sb = xb.shows(f) ? vb : "Not shown";
            String same = !xa.shows(f) || !xb.shows(f) || va.isBlank() || vb.isBlank() ? ""
                    : va.equalsIgnoreCase(vb) ? "Same" : "Different";
            rows.add(new Row(label, sa, sb, same));
        });
        List<MatchExplanations.Bar> bars = new ArrayList<>();
        Optional<Pictures.Waterfall> picture = Optional.empty();
        try {
            JsonNode e = JSON.readTree(r.explanationJson());
            if (e.has("bars")) {
                e.path("bars").forEach(x -> bars.add(new MatchExplanations.Bar(x.path("comparison").asText(),
                        x.path("level").asText(), x.path("weight").asDouble())));
                picture = Optional.of(Pictures.waterfall(e.path("prior").asDouble(), bars,
                        e.path("total").asDouble()));
            }
        } catch (IOException ex) {
            throw new IllegalStateException("review item " + r.recordA() + " has an unreadable explanation", ex);
        }
        return new Item(n, r.kind(), r.recordA(), r.recordB(), r.personA(), r.personB(), r.probability(), rows,
                picture, bars, xa.basis(), xb.basis(), a.agency(), b.agency(), true);
    }

    @PostMapping("/review/decide")
    public String decide(@RequestParam(name = "recordA", required = false) String recordA,
            @RequestParam(name = "recordB", required = false) String recordB,
            @RequestParam(name = "decision", required = false) String decision,
            @RequestParam(name = "reason", required = false) String reason,
            @AuthenticationPrincipal SignedInUser user,
            @SessionAttribute(DeclaredPurpose.SESSION_ATTRIBUTE) DeclaredPurpose purpose,
            RedirectAttributes redirect) {
        Viewer v = policy.viewer(user.account(), purpose);
        String d = decision == null ? "" : switch (decision) {
            case "LINK", "NOT_LINK", "UNSURE" -> decision;
            default -> "";
        };
        boolean known = recordA != null && recordB != null && store.reviewQueue().stream()
                .anyMatch(r -> r.recordA().equals(recordA) && r.recordB().equals(recordB));
        if (!known) {
            redirect.addFlashAttribute("problem", "That item is no longer in the queue.");
            return "redirect:/review";
        }
        boolean shared = store.record(recordA).map(r -> policy.record(v, r).any()).orElse(false)
                && store.record(recordB).map(r -> policy.record(v, r).any()).orElse(false);
        if (!shared) {
            redirect.addFlashAttribute("problem", "You can only decide about two records that are shared with you.");
            return "redirect:/review";
        }
        if (d.isEmpty() || reason == null || reason.isBlank()) {
            redirect.addFlashAttribute("problem", "Choose link, not link or unsure, and give a reason.");
            redirect.addFlashAttribute("problemItem", recordA + "|" + recordB);
            return "redirect:/review";
        }
        PeopleStore.Decision saved = store.decide(recordA, recordB, d, reason, user.account().username(),
                v.party(), clock.instant());
        audit.decision(v, recordA + " " + recordB, d);
        redirect.addFlashAttribute("decided", "Recorded: " + words(d) + " for " + saved.recordA() + " and "
                + saved.recordB() + ". It applies from the next people build.");
        return "redirect:/review";
    }

    static String words(String d) {
        return Map.of("LINK", "link", "NOT_LINK", "not link", "UNSURE", "unsure").get(d);
    }
}
