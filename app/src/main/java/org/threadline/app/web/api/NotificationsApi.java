package org.threadline.app.web.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.threadline.app.web.access.AccessPolicy;
import org.threadline.app.web.access.Viewer;
import org.threadline.app.web.breakglass.BreakGlassNotifications;

/**
 * Break-glass notifications for a partner's own system (ADR 0026): the notifications addressed to the caller's party
 * that nobody there has read in Threadline yet, so that the partner can route them to the people it names in its own
 * directory. Each shows what the role it is addressed to may see, no more. Audited as one VIEW entry naming the
 * grants, as the API's other reads are.
 */
@RestController
@RequestMapping(path = "/api/v1/break-glass/notifications", produces = "application/json")
@Tag(name = "Break-glass", description = "Emergency access to one person's records, for a role an agreement names")
public class NotificationsApi {
    private final BreakGlassNotifications notifications;
    private final AccessPolicy policy;

    public NotificationsApi(BreakGlassNotifications notifications, AccessPolicy policy) {
        this.notifications = notifications;
        this.policy = policy;
    }

    /** One notification as a partner's system receives it. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Notification(
            @Schema(description = "The notification's id") long notificationId,
            @Schema(description = "The break-glass grant it tells of") long grantId,
            @Schema(description = "The role the agreement's rule names (dpo, safeguardingLead, lineManager)")
            String role,
            @Schema(description = "The agreement party it is addressed to: the caller's, or * for every party")
            String party,
            @Schema(description = "When it was sent (ISO-8601)") String notifiedAt,
            @Schema(description = "Who broke glass (a Threadline username or apikey.<name>)") String requester,
            @Schema(description = "Their agency") String requesterAgency,
            @Schema(description = "The agreement role they broke glass in") String requesterRole,
            @Schema(description = "Why it could not wait") String reasonCode,
            @Schema(description = "The agreement, id@version") String agreement,
            @Schema(description = "When it was granted (ISO-8601)") String grantedAt,
            @Schema(description = "When it expires (ISO-8601)") String expiresAt,
            @Schema(description = "Live, Expired or Ended") String state,
            @Schema(description = "The review's state") String review,
            @Schema(description = "The person it opened, only where the role sees it") String personId,
            @Schema(description = "The case reference, only where the role sees it") String caseReference,
            @Schema(description = "The written reason, only where the role sees it") String reason) {
        static Notification of(BreakGlassNotifications.Shown s) {
            return new Notification(s.notificationId(), s.grantId(), s.role(), s.party(), s.notifiedAt().toString(),
                    s.requester(), s.requesterAgency(), s.requesterRole(), s.reasonCode(), s.agreement(),
                    s.grantedAt().toString(), s.expiresAt().toString(), s.state(), s.review(),
                    s.subject().orElse(null), s.caseReference().orElse(null), s.reason().orElse(null));
        }
    }

    @GetMapping
    @Operation(summary = "The break-glass notifications to the caller's party that nobody has read yet",
            description = "Addressed to a role at the caller's agreement party (or to every party), newest first, at"
                + " most 100, not yet read by anyone there in Threadline. Each carries the facts of the use; the"
                + " person id, case reference and written reason only where the role it is addressed to may see them"
                + " (config/governance/break-glass-notifications.yaml). Listing them does not mark them read: the"
                + " people they name read them in Threadline. Audited as a VIEW entry (data item"
                + " api:break-glass:notifications) naming the grants.")
    public List<Notification> unread(ApiCaller caller) {
        Viewer v = policy.viewer(caller.account(), caller.purpose());
        return notifications.unreadForParty(v).stream().map(Notification::of).toList();
    }
}
