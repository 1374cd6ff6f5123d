package org.threadline.app.web.governance;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.threadline.app.web.breakglass.BreakGlass;

/**
 * What the information-governance navigation shows on every one of its pages: how many break-glass grants notified
 * data protection officers without anyone reading it yet (opening the break-glass reviews reads them).
 */
@ControllerAdvice(assignableTypes = {AgreementPages.class, AuditPages.class, BreakGlassReviews.class,
    SubjectAccessPages.class, MarkerPages.class})
public class GovernanceNav {
    private final BreakGlass breakGlass;

    public GovernanceNav(BreakGlass breakGlass) {
        this.breakGlass = breakGlass;
    }

    @ModelAttribute("breakGlassUnread")
    public int breakGlassUnread() {
        return breakGlass.unreadForDpo();
    }
}
