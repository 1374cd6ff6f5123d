package org.threadline.app.web.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.threadline.app.web.access.AccessPolicy;
import org.threadline.app.web.access.ViewAudit;
import org.threadline.app.web.access.Viewer;
import org.threadline.app.web.breakglass.BreakGlass;
import org.threadline.app.web.people.PeopleViews;
import org.threadline.domain.governance.audit.AuditAction;
import org.threadline.store.governance.BreakGlassStore.Grant;

/**
 * Break-glass through the API (ADR 0024): the same {@link BreakGlass} as the person page, so the same rule decides
 * who may claim it (a role an agreement's {@code breakGlass.allowedRoles} names, at the key's own party: the
 * agreements name roles, not channels, so a key made with such a role may, and one made with any other role may
 * not), with the same mandatory reason code and written reason, the same time limit, notifications, review task and
 * {@code BREAK_GLASS} audit entry. While the grant lives, the caller's reads of that one person decide with its claim;
 * the caller can end it early. Everything is addressed by the opaque person id alone (ADR 0013).
 */
@RestController
@RequestMapping(path = "/api/v1/people/{personId}/break-glass", produces = "application/json")
@Tag(name = "Break-glass", description = "Emergency access to one person's records, for a role an agreement names")
public class BreakGlassApi {
    static final Pattern PERSON_ID = Pattern.compile("P\\d{7}");

    private final BreakGlass breakGlass;
    private final AccessPolicy policy;
    private final ViewAudit audit;
    private final PeopleViews people;

    public BreakGlassApi(BreakGlass breakGlass, AccessPolicy policy, ViewAudit audit, PeopleViews people) {
        this.breakGlass = breakGlass;
        this.policy = policy;
        this.audit = audit;
        this.people = people;
    }

    /** What a caller sends to break glass. */
    public record Claim(
            @Schema(description = "Why it cannot wait: IMMEDIATE_RISK_TO_LIFE, CHILD_AT_RISK_OUT_OF_HOURS or"
                    + " PLACE_OF_SAFETY", requiredMode = Schema.RequiredMode.REQUIRED) String reasonCode,
            @Schema(description = "What has happened and why it cannot wait, 20 to 2000 characters",
                    requiredMode = Schema.RequiredMode.REQUIRED) String reason,
            @Schema(description = "How long, in minutes: 30, 60, 120 or 240, at most the rule's maximum",
                    requiredMode = Schema.RequiredMode.REQUIRED) Integer minutes) {
    }

    /** A grant as the caller sees it. */
    public record Granted(long grantId, String personId, String role, String agreement, String reasonCode,
                          String grantedAt, String expiresAt, String reviewDue, int notified) {
        static Granted of(Grant g) {
            return new Granted(g.grantId(), g.subject(), g.role(), g.agreement(), g.reasonCode(),
                    g.grantedAt().toString(), g.expiresAt().toString(), g.reviewDue().toString(), g.notified());
        }
    }

    /** The live grant a read of a person decided with: its reason code and when it expires. */
    public record InForce(String reasonCode, String expiresAt) {
    }

    @PostMapping(consumes = "application/json")
    @Operation(summary = "Break glass for one person: emergency access for a limited time, with a reason",
            description = "Only for a key whose role an agreement's break-glass rule names (at the key's party)."
                + " The reason code, a written reason of at least 20 characters and a duration within the rule's"
                + " maximum are required; every problem is named at once. The grant, its review task, a"
                + " notification to everyone the rule names and a BREAK_GLASS audit entry are written in one"
                + " transaction. 201 with the grant; a live grant for the same person is returned as it is (200)."
                + " While it lives, GET /api/v1/people/{personId} and its chronology decide with it for this person"
                + " only; what it releases is audited as BREAK_GLASS with purpose <purpose>#BREAK_GLASS.")
    public ResponseEntity<Granted> claim(ApiCaller caller, @Parameter(description = "The opaque person id, P and"
            + " seven digits") @PathVariable("personId") String personId, @RequestBody(required = false) Claim claim) {
        requireKnown(personId);
        Viewer v = policy.viewer(caller.account(), caller.purpose());
        if (breakGlass.eligibility(v).isEmpty()) {
            audit.viewOf(v, AuditAction.DENY, "break-glass:request", List.of(), List.of("BREAK_GLASS_NOT_ALLOWED"),
                    () -> null);
            throw ApiProblem.forbidden("break-glass-not-allowed", breakGlass.refusal(v).orElseThrow());
        }
        Optional<Grant> existing = breakGlass.live(v, personId);
        if (existing.isPresent()) {
            return ResponseEntity.ok(Granted.of(existing.get()));
        }
        Claim c = claim == null ? new Claim(null, null, null) : claim;
        BreakGlass.Requested r = breakGlass.request(v, personId, c.reasonCode(), c.reason(),
                c.minutes() == null ? null : String.valueOf(c.minutes()));
        if (r.grant().isEmpty()) {
            throw ApiProblem.badRequest("break-glass-invalid", words(r.errors()));
        }
        return ResponseEntity.status(HttpStatus.CREATED).body(Granted.of(r.grant().get()));
    }

    @DeleteMapping
    @Operation(summary = "End the caller's live break-glass grant for this person now",
            description = "Audited (BREAK_GLASS, break-glass:end, reason codes ENDED and BY_HOLDER). From the next"
                + " call on, reads of the person decide as without it. 204 when ended; 404 when the caller holds no"
                + " live grant for this person.")
    public ResponseEntity<Void> end(ApiCaller caller, @Parameter(description = "The opaque person id, P and seven"
            + " digits") @PathVariable("personId") String personId) {
        requireKnown(personId);
        Viewer v = policy.viewer(caller.account(), caller.purpose());
        Optional<Grant> live = breakGlass.live(v, personId);
        if (live.isEmpty() || !breakGlass.end(v, live.get().grantId(), false)) {
            throw ApiProblem.notFound("You hold no live break-glass grant for this person.");
        }
        return ResponseEntity.noContent().build();
    }

    /** The form's messages, each with the field it is about (never a value the caller sent). */
    static String words(Map<String, String> errors) {
        return errors.entrySet().stream().map(e -> (e.getKey().equals("duration") ? "minutes"
                : e.getKey()) + ": " + e.getValue())
                .collect(Collectors.joining("; ")) + ".";
    }

    private void requireKnown(String personId) {
        if (!PERSON_ID.matcher(personId).matches() || !people.exists(personId)) {
            throw ApiProblem.notFound("No person has this id. Person ids are P followed by seven digits.");
        }
    }
}
