package org.threadline.app.web.breakglass;

import java.util.List;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.SessionAttribute;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.threadline.app.web.access.AccessPolicy;
import org.threadline.app.web.access.Viewer;
import org.threadline.app.web.accounts.SignedInUser;
import org.threadline.app.web.purpose.DeclaredPurpose;

/**
 * The break-glass notifications inbox (ADR 0026): every signed-in person who holds a role a notification names, at
 * its party, sees the grants they were told of, with what their role may see of each; new ones are marked until they
 * mark them read (recorded for them alone, and audited). Someone who holds no such role sees an empty inbox and is
 * told why. Listing is audited as a VIEW naming the grants.
 */
@Controller
public class NotificationsPage {
    private final BreakGlassNotifications notifications;
    private final AccessPolicy policy;

    public NotificationsPage(BreakGlassNotifications notifications, AccessPolicy policy) {
        this.notifications = notifications;
        this.policy = policy;
    }

    @GetMapping("/notifications")
    public String inbox(@AuthenticationPrincipal SignedInUser user,
            @SessionAttribute(DeclaredPurpose.SESSION_ATTRIBUTE) DeclaredPurpose purpose, Model model) {
        Viewer v = policy.viewer(user.account(), purpose);
        List<BreakGlassNotifications.Shown> shown = notifications.inbox(v);
        model.addAttribute("notices", shown);
        model.addAttribute("unreadHere", shown.stream().filter(BreakGlassNotifications.Shown::unread).count());
        model.addAttribute("receives", !notifications.addressee(user.account()).none());
        model.addAttribute("shownAtMost", BreakGlassNotifications.SHOWN);
        return "notifications";
    }

    @PostMapping("/notifications/read")
    public String markRead(@AuthenticationPrincipal SignedInUser user,
            @SessionAttribute(DeclaredPurpose.SESSION_ATTRIBUTE) DeclaredPurpose purpose, RedirectAttributes redirect) {
        int read = notifications.markRead(policy.viewer(user.account(), purpose));
        redirect.addFlashAttribute("markedRead", read == 0 ? "There was nothing new to mark as read."
                : read == 1 ? "1 break-glass use marked as read." : read + " break-glass uses marked as read.");
        return "redirect:/notifications";
    }

    /** The count in the navigation of every page: grants that notified the signed-in person and are unread by them. */
    @ControllerAdvice
    public static class Count {
        private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Count.class);
        private final BreakGlassNotifications notifications;

        public Count(BreakGlassNotifications notifications) {
            this.notifications = notifications;
        }

        @ModelAttribute("notificationsUnread")
        public Integer notificationsUnread() {
            Authentication auth = SecurityContextHolder.getContext().getAuthentication();
            if (!(auth != null && auth.getPrincipal() instanceof SignedInUser user)) {
                return null;
            }
            try {
                return notifications.unread(user.account());
            } catch (RuntimeException e) {
                // A count is a convenience: a page (the error page above all) is shown without it rather than not.
                LOG.warn("Counting break-glass notifications for the navigation failed: {}", e.getMessage());
                return null;
            }
        }
    }
}
