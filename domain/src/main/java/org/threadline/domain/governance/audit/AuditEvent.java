package org.threadline.domain.governance.audit;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One thing that happened and must be accounted for: who (user, agency, roles) did what ({@code action}) to which
 * data item and fields about whom, for which declared purpose and case, under which agreement, and why (reason
 * codes). Text fields are never null: an empty string means "none" (no case reference, no agreement).
 *
 * @param requestId the request this event answers, so that requests and events can be counted against each other
 * @param time when it happened, from the caller's injected {@link java.time.Clock}
 * @param actor the user (or service) that acted
 * @param agency the actor's agency
 * @param roles the actor's roles at the time
 * @param purpose the declared purpose code, e.g. {@code SAFEGUARDING.CHILD.MASH_TRIAGE}
 * @param caseRef the case reference the purpose was bound to; empty if none
 * @param action what happened
 * @param subject the person (a token or id) the data is about; empty if none
 * @param dataItem the data item asked for or released
 * @param fields the fields released (or asked for, on a deny)
 * @param reasonCodes why: the decision's reason codes
 * @param agreement the agreement and version that decided, e.g. {@code isa-mash@3}; empty if none applied
 */
public record AuditEvent(String requestId, Instant time, String actor, String agency, List<String> roles,
        String purpose, String caseRef, AuditAction action, String subject, String dataItem, List<String> fields,
        List<String> reasonCodes, String agreement) {

    public AuditEvent {
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(agency, "agency");
        roles = List.copyOf(roles);
        Objects.requireNonNull(purpose, "purpose");
        Objects.requireNonNull(caseRef, "caseRef");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(dataItem, "dataItem");
        fields = List.copyOf(fields);
        reasonCodes = List.copyOf(reasonCodes);
        Objects.requireNonNull(agreement, "agreement");
    }

    /**
     * The canonical bytes of this event: a domain-separation prefix, then every field in declaration order, each
     * length-prefixed, so no two different events share an encoding. Changing this breaks every stored payload hash.
     */
    public byte[] canonical() {
        return new CanonicalWriter("threadline-audit-event/v1")
                .text(requestId).instant(time).text(actor).text(agency).texts(roles).text(purpose).text(caseRef)
                .text(action.name()).text(subject).text(dataItem).texts(fields).texts(reasonCodes).text(agreement)
                .bytes();
    }
}
