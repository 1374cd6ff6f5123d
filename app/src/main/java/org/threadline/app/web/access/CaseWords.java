package org.threadline.app.web.access;

import java.util.List;
import java.util.Optional;
import org.threadline.domain.governance.policy.CaseRegister;
import org.threadline.domain.governance.policy.ReasonCode;
import org.threadline.store.governance.StoredCaseRegister;

/**
 * What the case register's answers mean to the person reading (ADR 0027), in plain words: on the purpose page (and
 * at the command line) when the case they declare is unknown to their agency or closed, and on a person's page when
 * the case they declared does not link the person they opened.
 */
public final class CaseWords {
    /**
     * The session attribute holding what the last person's page said about the declared case, so that the purpose
     * page, reached from that page's link, says it again where the case is changed.
     */
    public static final String LAST_PROBLEM = "org.threadline.app.web.access.CaseWords.LAST_PROBLEM";

    private CaseWords() {
    }

    /** Keeps a page's case problem in the current request's session, for the purpose page (see {@link #LAST_PROBLEM}). */
    public static void remember(String problem) {
        org.springframework.web.context.request.RequestAttributes r =
                org.springframework.web.context.request.RequestContextHolder.getRequestAttributes();
        if (r != null) {
            r.setAttribute(LAST_PROBLEM, problem, org.springframework.web.context.request.RequestAttributes.SCOPE_SESSION);
        }
    }

    /**
     * Why a declared case reference cannot be used, or empty when it names an open case of the party's (or the
     * register takes references on trust). A register that cannot answer is a problem too: nothing is declared.
     */
    public static Optional<String> declaring(CaseRegister register, String party, String reference) {
        if (!(register instanceof StoredCaseRegister stored) || reference == null || reference.isBlank()) {
            return Optional.empty();
        }
        CaseRegister.CaseStatus status;
        try {
            status = stored.statusOfCase(reference, party);
        } catch (RuntimeException e) {
            return Optional.of("The case register could not be checked just now, so your purpose was not declared."
                    + " Try again in a moment");
        }
        return switch (status) {
            case UNKNOWN -> Optional.of("Your agency has no case " + reference + " in its case register. Check the"
                    + " reference, or ask someone who manages your agency's cases to open it");
            case CLOSED -> Optional.of("Case " + reference + " is closed, so it cannot be used to see anyone's"
                    + " records. Declare an open case");
            default -> Optional.empty();
        };
    }

    /**
     * Why a page about {@code subject} shows nothing that needs the declared case, in plain words, or empty when the
     * case was not what stopped it.
     */
    public static Optional<String> onPage(Viewer v, List<Access> accesses, String subject) {
        String reference = v.declared().caseReferenceIfAny().orElse("");
        List<String> codes = accesses.stream().filter(a -> a.subject().equals(subject))
                .flatMap(a -> a.reasonCodes().stream()).distinct().toList();
        if (codes.contains(ReasonCode.CASE_CHECK_FAILED.name())) {
            return Optional.of("The case register could not be checked just now, so nothing that needs your case"
                    + " is shown. Try again in a moment.");
        }
        if (codes.contains(ReasonCode.CASE_NOT_LINKED_TO_SUBJECT.name())) {
            return Optional.of("Case " + reference + " does not link this person (" + subject + "), so nothing that"
                    + " needs a case is shown. If they are part of the case, ask someone who manages your agency's"
                    + " cases to link them; if you are working on another case, declare that one.");
        }
        if (codes.contains(ReasonCode.CASE_NOT_OPEN.name())) {
            return Optional.of("Case " + reference + " is not an open case of your agency (it is unknown or was"
                    + " closed), so nothing that needs a case is shown. Declare an open case.");
        }
        return Optional.empty();
    }

    /** The decision point's case reasons in words, for the "why" column and the withheld lines. */
    static Optional<String> reason(ReasonCode code) {
        return switch (code) {
            case CASE_REFERENCE_REQUIRED -> Optional.of("the purpose you declared needs a case reference");
            case CASE_NOT_OPEN -> Optional.of("the case you declared is not an open case of your agency");
            case CASE_NOT_LINKED_TO_SUBJECT -> Optional.of("the case you declared does not link this person");
            case CASE_CHECK_FAILED -> Optional.of("the case register could not be checked");
            default -> Optional.empty();
        };
    }
}
