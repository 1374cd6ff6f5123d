package org.threadline.domain.governance.audit;

/**
 * What an audit event records. The names are part of the canonical encoding and of stored leaves: never rename one,
 * only add.
 */
public enum AuditAction {
    /** The policy decision point allowed a release. */
    PERMIT,
    /** The policy decision point refused a request (logged as carefully as a permit). */
    DENY,
    /** A person looked at personal data. */
    VIEW,
    /** Personal data left the system (file, report, API response to another agency). */
    EXPORT,
    /** An indicator raised an alert. */
    ALERT,
    /** A practitioner recorded a decision on a review (link review, alert review, break-glass review). */
    REVIEW_DECISION,
    /** Someone used the emergency path: distinct so that every use stands out and is reviewed. */
    BREAK_GLASS,
    /** A decision to share, or not to share, recorded in its own right. */
    SHARE_DECISION,
    /** Payload details of entries past their retention were removed (the hashes stay). */
    REDACTION,
    /**
     * Personal data was removed from the store: a source row's retention ended, or a person's data was erased on
     * request. The audit entry says how much went and why, never what it held.
     */
    ERASURE,
    /**
     * A partner's file was received and loaded (through the REST API or the upload page): the entry names the feed
     * and the landed file, never what its rows hold.
     */
    INTAKE;

    /** The stored name, or empty when {@code name} is none of these (a tampered row). */
    public static java.util.Optional<AuditAction> parse(String name) {
        for (AuditAction a : values()) {
            if (a.name().equals(name)) {
                return java.util.Optional.of(a);
            }
        }
        return java.util.Optional.empty();
    }
}
