package org.threadline.app.web.layout;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.threadline.app.web.accounts.SignedInUser;
import org.threadline.app.web.purpose.DeclaredPurpose;

/** Puts the signed-in person and their declared purpose in every page's model, for the layout. */
@ControllerAdvice
public class EveryPage {

    @ModelAttribute("currentUser")
    public SignedInUser currentUser() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null && auth.getPrincipal() instanceof SignedInUser user ? user : null;
    }

    @ModelAttribute("declaredPurpose")
    public DeclaredPurpose declaredPurpose(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        return session == null ? null : (DeclaredPurpose) session.getAttribute(DeclaredPurpose.SESSION_ATTRIBUTE);
    }
}
