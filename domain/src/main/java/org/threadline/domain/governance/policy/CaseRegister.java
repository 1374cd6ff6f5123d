package org.threadline.domain.governance.policy;

/**
 * The policy information point for cases: whether a case reference names an open case that links the subject.
 * Implementations may fail (a database down, a timeout); the decision point then denies.
 */
@FunctionalInterface
public interface CaseRegister {

    CaseStatus status(String caseReference, String subjectId, String agency);

    /** What the register knows about a case reference. */
    enum CaseStatus { OPEN_AND_LINKED, OPEN_NOT_LINKED, CLOSED, UNKNOWN }
}
