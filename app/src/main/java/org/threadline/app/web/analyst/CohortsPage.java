package org.threadline.app.web.analyst;

import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.SessionAttribute;
import org.threadline.app.web.access.Access;
import org.threadline.app.web.access.AccessPolicy;
import org.threadline.app.web.access.ViewAudit;
import org.threadline.app.web.access.Viewer;
import org.threadline.app.web.accounts.SignedInUser;
import org.threadline.app.web.purpose.DeclaredPurpose;
import org.threadline.domain.governance.audit.AuditAction;

/**
 * {@code GET /cohorts}: the analyst chooses indicators and an area level (a GET form: it carries indicator ids and
 * a level, never anything about a person) and sees, per area, people held, people meeting each indicator and the
 * rate per 1,000, with small numbers suppressed and counts rounded ({@link AreaCohorts}), a bar chart and a
 * tile-grid map per indicator. Anyone else is refused with the reason; views and refusals are audited.
 */
@Controller
public class CohortsPage {
    /** Counts from 1 to 9 are suppressed: the agreements' "cells under 10 suppressed". */
    public static final int MINIMUM_CELL = 10;
    /** Shown counts are rounded to the nearest 5. */
    public static final int ROUND_TO = 5;
    /** At most this many indicators at once (each draws a chart and a map). */
    public static final int MOST_INDICATORS = 3;

    private final CohortSource source;
    private final AggregateAccess access;
    private final AccessPolicy policy;
    private final ViewAudit audit;
    private final AreaTiles tiles;

    public CohortsPage(CohortSource source, AggregateAccess access, AccessPolicy policy, ViewAudit audit,
                       AreaTiles tiles) {
        this.source = source;
        this.access = access;
        this.policy = policy;
        this.audit = audit;
        this.tiles = tiles;
    }

    /** One indicator's part of the page: its name, chart and map. */
    public record IndicatorView(String id, String name, String rulebook, CohortPictures.BarChart chart,
                                CohortPictures.TileMap map) {
    }

    @GetMapping("/cohorts")
    public String cohorts(@RequestParam(name = "indicator", required = false) List<String> indicator,
            @RequestParam(name = "level", required = false) String level,
            @AuthenticationPrincipal SignedInUser user,
            @SessionAttribute(DeclaredPurpose.SESSION_ATTRIBUTE) DeclaredPurpose purpose,
            HttpServletResponse response, Model model) {
        Viewer v = policy.viewer(user.account(), purpose);
        AggregateAccess.Outcome outcome = access.decide(v);
        if (outcome instanceof AggregateAccess.Outcome.Refused r) {
            audit.viewOf(v, AuditAction.DENY, AggregateAccess.ITEM, List.of(), r.codes(), () -> null);
            response.setStatus(HttpServletResponse.SC_FORBIDDEN);
            model.addAttribute("reason", r.reason());
            return "refused";
        }
        List<String> agreements = ((AggregateAccess.Outcome.Allowed) outcome).agreements();
        Map<String, List<CohortSource.Choice>> choices = source.choices();
        Map<String, String> errors = new LinkedHashMap<>();
        List<String> chosen = new ArrayList<>();
        if (indicator == null || indicator.isEmpty()) {
            choices.values().stream().flatMap(List::stream).findFirst().ifPresent(c -> chosen.add(c.id()));
        } else {
            for (String id : indicator.stream().distinct().toList()) {
                if (source.choice(id).isPresent()) {
                    chosen.add(id);
                }
            }
            if (chosen.isEmpty()) {
                errors.put("indicators", "Select at least one indicator from the list");
            } else if (chosen.size() > MOST_INDICATORS) {
                errors.put("indicators", "Select up to " + MOST_INDICATORS + " indicators");
            }
        }
        AreaLevel areaLevel = level == null || level.isBlank() ? AreaLevel.AREA : AreaLevel.parse(level).orElse(null);
        if (areaLevel == null) {
            errors.put("level", "Select a postcode area or a postcode district");
        }
        model.addAttribute("choices", choices);
        model.addAttribute("chosen", Set.copyOf(chosen));
        // a rulebook's list opens where one of its indicators is chosen (or where the analyst sent one back wrong)
        model.addAttribute("openGroups", choices.entrySet().stream().filter(g -> g.getValue().stream()
                .anyMatch(c -> chosen.contains(c.id()) || (indicator != null && indicator.contains(c.id()))))
                .map(Map.Entry::getKey).collect(java.util.stream.Collectors.toSet()));
        model.addAttribute("levels", AreaLevel.values());
        model.addAttribute("level", areaLevel == null ? AreaLevel.AREA : areaLevel);
        model.addAttribute("errors", errors);
        model.addAttribute("minimumCell", MINIMUM_CELL);
        model.addAttribute("roundTo", ROUND_TO);
        model.addAttribute("agreements", agreements);
        if (!errors.isEmpty()) {
            return "cohorts";
        }
        CohortSource.Counted counted = audit.view(v, () -> {
            CohortSource.Counted c = source.count(areaLevel, chosen, MINIMUM_CELL, ROUND_TO);
            List<String> columns = new ArrayList<>(chosen);
            columns.add("level:" + areaLevel.name());
            Access viewed = new Access(AggregateAccess.ITEM, "", Set.copyOf(chosen), Map.of(),
                    "counts released under " + String.join(", ", agreements), agreements, Set.copyOf(columns),
                    List.of("AGGREGATE_ONLY", "MIN_CELL_" + MINIMUM_CELL, "ROUNDED_TO_" + ROUND_TO));
            return new ViewAudit.Viewed<>(c, List.of(viewed));
        });
        List<IndicatorView> views = new ArrayList<>();
        for (int i = 0; i < chosen.size(); i++) {
            CohortSource.Choice c = source.choice(chosen.get(i)).orElseThrow();
            views.add(new IndicatorView(c.id(), c.name(), c.rulebook(),
                    CohortPictures.barChart(counted.cohorts(), i, c.name()),
                    CohortPictures.tileMap(counted.cohorts(), i, c.name(), tiles)));
        }
        model.addAttribute("cohorts", counted.cohorts());
        model.addAttribute("asOf", counted.asOf().map(Object::toString).orElse(""));
        model.addAttribute("countedAt", org.threadline.app.web.layout.UkTime.INSTANCE.of(counted.countedAt()));
        model.addAttribute("current", counted.current());
        model.addAttribute("views", views);
        return "cohorts";
    }
}
