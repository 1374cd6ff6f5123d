package org.threadline.app.web.home;

import java.util.Comparator;
import java.util.List;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.SessionAttribute;
import org.threadline.app.web.accounts.SignedInUser;
import org.threadline.app.web.purpose.DeclaredPurpose;

/** {@code /}: the journeys available to this person for their declared purpose. */
@Controller
public class HomePage {
    private final List<Journey> journeys;

    public HomePage(List<Journey> journeys) {
        this.journeys = journeys.stream().sorted(Comparator.comparingInt(Journey::order)
                .thenComparing(Journey::title)).toList();
    }

    @GetMapping("/")
    public String home(@AuthenticationPrincipal SignedInUser user,
            @SessionAttribute(DeclaredPurpose.SESSION_ATTRIBUTE) DeclaredPurpose purpose, Model model) {
        model.addAttribute("journeys", journeys.stream()
                .filter(j -> j.availableTo(user.account(), purpose)).toList());
        return "home";
    }
}
