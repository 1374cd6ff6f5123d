package org.threadline.app.web.people;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.SessionAttribute;
import org.threadline.app.people.PersonSearch;
import org.threadline.app.web.access.Access;
import org.threadline.app.web.access.AccessPolicy;
import org.threadline.app.web.access.ViewAudit;
import org.threadline.app.web.access.Viewer;
import org.threadline.app.web.accounts.SignedInUser;
import org.threadline.app.web.purpose.DeclaredPurpose;
import org.threadline.store.people.Build;
import org.threadline.store.people.PeopleStore;

/**
 * Find a person: the form (GET) and its results (POST, so what was searched for never appears in a URL, a log of
 * URLs or the browser's history). A search matches only fields the policy decision point releases to the searcher.
 */
@Controller
public class FindPersonPage {
    private final PeopleStore store;
    private final PersonSearch search;
    private final AccessPolicy policy;
    private final ViewAudit audit;
    private final PeopleViews views;

    public FindPersonPage(PeopleStore store, PersonSearch search, AccessPolicy policy, ViewAudit audit,
                          PeopleViews views) {
        this.store = store;
        this.search = search;
        this.policy = policy;
        this.audit = audit;
        this.views = views;
    }

    /** The form's fields. */
    public static final class Form {
        private String name = "";
        private String dateOfBirth = "";
        private String postcode = "";
        private String identifier = "";

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }

        public String getDateOfBirth() {
            return dateOfBirth;
        }

        public void setDateOfBirth(String dateOfBirth) {
            this.dateOfBirth = dateOfBirth;
        }

        public String getPostcode() {
            return postcode;
        }

        public void setPostcode(String postcode) {
            this.postcode = postcode;
        }

        public String getIdentifier() {
            return identifier;
        }

        public void setIdentifier(String identifier) {
            this.identifier = identifier;
        }

        PersonSearch.Query query() {
            return new PersonSearch.Query(name, dateOfBirth, postcode, identifier);
        }
    }

    /** A result as shown. */
    public record Result(String personId, String name, String dateOfBirth, List<String> why) {
    }

    @GetMapping("/people/find")
    public String form(Model model) {
        model.addAttribute("form", new Form());
        model.addAttribute("errors", Map.of());
        return "find";
    }

    @PostMapping("/people/find")
    public String find(@ModelAttribute("form") Form form, @AuthenticationPrincipal SignedInUser user,
            @SessionAttribute(DeclaredPurpose.SESSION_ATTRIBUTE) DeclaredPurpose purpose, Model model) {
        Map<String, String> errors = PersonSearch.problems(form.query());
        model.addAttribute("errors", errors);
        if (!errors.isEmpty()) {
            return "find";
        }
        Viewer v = policy.viewer(user.account(), purpose);
        boolean[] tooBroad = new boolean[1];
        List<Result> results = audit.view(v, () -> {
            Map<String, Access> decided = new HashMap<>();
            PersonSearch.Found found = search.find(form.query(), store,
                    (r, field) -> decided.computeIfAbsent(r.recordKey(), k -> policy.record(v, r)).shows(field));
            tooBroad[0] = found.tooBroad();
            List<PersonSearch.Hit> hits = found.hits();
            List<Access> accesses = new ArrayList<>();
            List<Result> out = new ArrayList<>();
            for (PersonSearch.Hit h : hits) {
                PeopleViews.Records records = views.records(v, h.personId(), false);
                accesses.addAll(records.accesses());
                Map<String, String> why = new LinkedHashMap<>();
                for (PersonSearch.Reason r : h.reasons()) {
                    why.putIfAbsent(r.field() + r.how() + r.agency(), PeopleViews.IDENTITY.getOrDefault(r.field(), r.field())
                            + " matched " + r.how().label() + " (" + r.agency() + " record)");
                }
                out.add(new Result(h.personId(), records.identity().name(), records.identity().dateOfBirth(),
                        List.copyOf(why.values())));
            }
            return new ViewAudit.Viewed<>(out, accesses);
        });
        model.addAttribute("results", results);
        model.addAttribute("tooBroad", tooBroad[0]);
        model.addAttribute("searched", true);
        return "find";
    }
}
