package org.threadline.app.web.api;

import java.time.Clock;
import org.springframework.core.MethodParameter;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.threadline.app.web.accounts.Account;
import org.threadline.app.web.purpose.PurposeCatalogue;
import org.threadline.app.web.purpose.PurposeDeclaration;

/**
 * Gives a handler its {@link ApiCaller}: the key the filter chain authenticated, and the purpose declared in the
 * {@value #PURPOSE} and {@value #CASE_REFERENCE} headers, checked exactly as the purpose page checks a person's (the
 * purpose must be one the key's role may declare; safeguarding purposes need a case reference). A call without a
 * valid purpose is refused with 400 and a problem document before the handler reads anything.
 */
final class ApiCallerResolver implements HandlerMethodArgumentResolver {
    static final String PURPOSE = "Threadline-Purpose";
    static final String CASE_REFERENCE = "Threadline-Case-Reference";

    private final PurposeDeclaration declaration;
    private final Clock clock;
    /** Why the declared case cannot be used (unknown to the caller's agency, or closed), or empty (ADR 0027). */
    private final java.util.function.BiFunction<Account, org.threadline.app.web.purpose.DeclaredPurpose,
            java.util.Optional<String>> caseProblem;

    ApiCallerResolver(PurposeCatalogue catalogue, Clock clock, java.util.function.BiFunction<Account,
            org.threadline.app.web.purpose.DeclaredPurpose, java.util.Optional<String>> caseProblem) {
        this.declaration = new PurposeDeclaration(catalogue);
        this.clock = clock;
        this.caseProblem = caseProblem;
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == ApiCaller.class;
    }

    @Override
    public ApiCaller resolveArgument(MethodParameter parameter, ModelAndViewContainer mav, NativeWebRequest request,
                                     WebDataBinderFactory binders) {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !(auth.getPrincipal() instanceof Account account)) {
            // The filter chain lets no unauthenticated call reach a handler; this is a second lock.
            throw new ApiProblem(org.springframework.http.HttpStatus.UNAUTHORIZED, "api-key-required",
                    "An API key is needed", "Send your agency's API key as 'Authorization: Bearer <key>'.");
        }
        String role = account.roles().iterator().next().name();
        String purpose = request.getHeader(PURPOSE);
        if (purpose == null || purpose.isBlank()) {
            throw ApiProblem.badRequest("purpose-required", "Every call declares its purpose: send the header "
                    + PURPOSE + " with a purpose code your key's role may declare (docs/api.md), and "
                    + CASE_REFERENCE + " where the purpose needs one.");
        }
        PurposeDeclaration.Outcome outcome = declaration.check(account.roles(), purpose.strip(),
                request.getHeader(CASE_REFERENCE), clock.instant());
        if (outcome instanceof PurposeDeclaration.Rejected r) {
            String detail = r.errors().containsKey("purpose")
                    ? "The purpose in " + PURPOSE + " is not one a caller with the role " + role
                    + " may declare (docs/api.md lists the purposes by role)."
                    : "The header " + CASE_REFERENCE + " is needed for this purpose: 3 to 32 letters, digits, '/' or"
                    + " '-', like MASH-2026-0412.";
            throw ApiProblem.badRequest(r.errors().containsKey("purpose") ? "purpose-not-allowed"
                    : "case-reference-required", detail);
        }
        org.threadline.app.web.purpose.DeclaredPurpose declared = ((PurposeDeclaration.Declared) outcome).purpose();
        java.util.Optional<String> problem = caseProblem.apply(account, declared);
        if (problem.isPresent()) {
            throw ApiProblem.badRequest("case-not-open", problem.get() + " (" + CASE_REFERENCE + ").");
        }
        return new ApiCaller(account, declared);
    }
}
