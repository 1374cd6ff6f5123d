package org.threadline.app.web.cases;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Tells every page whether case references are taken on trust, so the "why you can see this" panel can say so. */
@ControllerAdvice
public class CaseModeOnEveryPage {
    private final CaseRegisterMode mode;

    public CaseModeOnEveryPage(CaseRegisterMode mode) {
        this.mode = mode;
    }

    @ModelAttribute("casesDeclared")
    public boolean casesDeclared() {
        return mode.declared();
    }
}
