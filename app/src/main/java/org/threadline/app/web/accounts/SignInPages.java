package org.threadline.app.web.accounts;

import jakarta.servlet.http.HttpSession;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.threadline.app.web.WebSettings;
import org.threadline.app.web.oidc.OidcConfiguration.SignInMethods;
import org.threadline.app.web.oidc.OidcSignIn;
import org.threadline.app.web.security.SignInOutcomes;
import org.threadline.app.web.security.WithoutPurpose;

/**
 * The sign-in form (Spring Security handles its POST), and the pages after signing out or after a session
 * expired. Outcomes travel in the session, never in the URL.
 */
@Controller
@WithoutPurpose
public class SignInPages {
    private final WebSettings settings;
    private final SignInMethods methods;

    public SignInPages(WebSettings settings, SignInMethods methods) {
        this.settings = settings;
        this.methods = methods;
    }

    @GetMapping("/sign-in")
    public String signIn(@AuthenticationPrincipal SignedInUser user, HttpSession session, Model model) {
        if (user != null) {
            return "redirect:/";
        }
        Object refused = session.getAttribute(SignInOutcomes.REFUSED);
        if (refused != null) {
            // The organisation's provider signed the person in, but Threadline does not let them in: say why.
            session.removeAttribute(SignInOutcomes.REFUSED);
            model.addAttribute("reason", refused);
            model.addAttribute("providerName", methods.providerName());
            model.addAttribute("providerStart", OidcSignIn.START);
            return "sign-in-refused";
        }
        boolean failed = session.getAttribute(SignInOutcomes.FAILED) != null;
        session.removeAttribute(SignInOutcomes.FAILED);
        // Throttled (ADR 0026): the same words whichever limit refused it, and whether or not the name is an account.
        java.util.Optional<String> wait = org.threadline.app.web.security.SignInThrottleFilter.takeWait(session);
        model.addAttribute("throttledWait", wait.orElse(null));
        boolean unavailable = org.threadline.app.web.security.SignInThrottleFilter.takeUnavailable(session);
        model.addAttribute("throttleUnavailable", unavailable);
        failed = failed || wait.isPresent() || unavailable;
        model.addAttribute("localAccounts", methods.localAccounts());
        model.addAttribute("provider", methods.provider());
        model.addAttribute("providerName", methods.providerName());
        model.addAttribute("providerStart", OidcSignIn.START);
        model.addAttribute("failed", failed);
        model.addAttribute("maxFailedSignIns", settings.maxFailedSignIns());
        model.addAttribute("lockoutMinutes", Math.max(1, settings.lockout().toMinutes()));
        return "sign-in";
    }

    @GetMapping("/signed-out")
    public String signedOut() {
        return "signed-out";
    }

    @GetMapping("/session-expired")
    public String sessionExpired(Model model) {
        model.addAttribute("idleMinutes", Math.max(1, settings.idleTimeout().toMinutes()));
        return "session-expired";
    }
}
