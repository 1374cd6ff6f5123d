package org.threadline.app.web.access;

import org.threadline.domain.governance.policy.CaseRegister;

/**
 * The declared mode, for a deployment with no case system yet ({@code threadline.cases.register=declared}, off by
 * default; ADR 0027): a case reference the person declared is taken as open and linked to whoever they look at.
 * Every view records that case reference in the audit log, so a reviewer can check afterwards. A purpose that needs
 * a case reference still cannot be declared without one. The pages say so in their "why you can see this" panel.
 * By default the decision point asks the stored case register instead ({@code StoredCaseRegister}).
 */
public final class DeclaredCaseRegister implements CaseRegister {
    @Override
    public CaseStatus status(String caseReference, String subjectId, String agency) {
        return caseReference == null || caseReference.isBlank() ? CaseStatus.UNKNOWN : CaseStatus.OPEN_AND_LINKED;
    }
}
