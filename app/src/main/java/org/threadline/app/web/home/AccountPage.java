package org.threadline.app.web.home;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.threadline.app.web.WebSettings;
import org.threadline.app.web.accounts.Account;
import org.threadline.app.web.purpose.DeclaredPurpose;
import org.threadline.app.web.security.WithoutPurpose;

/**
 * {@code /account}: who you are signed in as, your agency and roles, your declared purpose and when an idle
 * session ends. It shows only the signed-in person's own details, so it needs no purpose.
 */
@Controller
@WithoutPurpose
public class AccountPage implements Journey {
    private final WebSettings settings;

    public AccountPage(WebSettings settings) {
        this.settings = settings;
    }

    @GetMapping("/account")
    public String account(Model model) {
        model.addAttribute("idleMinutes", Math.max(1, settings.idleTimeout().toMinutes()));
        return "account";
    }

    @Override
    public String path() {
        return "/account";
    }

    @Override
    public String title() {
        return "Your account and purpose";
    }

    @Override
    public String description() {
        return "Your agency and roles, the purpose you declared and when an unused session ends.";
    }

    @Override
    public boolean availableTo(Account account, DeclaredPurpose purpose) {
        return true;
    }

    @Override
    public int order() {
        return 1000;
    }
}
