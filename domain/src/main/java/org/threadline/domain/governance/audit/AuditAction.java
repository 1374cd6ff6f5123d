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
    INTAKE,
    /**
     * Someone signed in to the web application (a local account, or through the organisation's OpenID provider).
     * Sign-in outcomes are audited so that an attack on an account stands out (issue #7, ADR 0025).
     */
    SIGN_IN,
    /**
     * A sign-in failed: a wrong password, an unknown username, a locked or disabled account, or an answer from the
     * OpenID provider that failed a check. The entry names the account when it exists, never the password.
     */
    SIGN_IN_FAILED,
    /** Failed sign-ins reached the limit and locked the account. */
    ACCOUNT_LOCKED,
    /** The OpenID provider signed someone in, but their claims do not let them into Threadline. */
    SIGN_IN_REFUSED,
    /**
     * A call to the REST API presented an API key or access token that was not accepted: the entry names the key or
     * client when Threadline knows it, never the key's secret or the token.
     */
    API_AUTHENTICATION_FAILED,
    /**
     * One field of one stored source row was corrected in place, with every copy derived from it (a data subject's
     * right to rectification, ADR 0028). The entry names the feed, the row and the field, never the old or the new
     * value.
     */
    RECTIFICATION,
    /**
     * Sign-ins for one username, or from one client address, were refused without checking the password because too
     * many failed within the throttle's window (ADR 0026). Coalesced: one entry when a window starts refusing, one
     * when it stops, with the number refused, so a flood of attempts is a handful of entries, not a flood.
     */
    SIGN_IN_THROTTLED,
    /** The same for API keys and access tokens: calls refused unchecked after too many failed (ADR 0026). */
    API_AUTHENTICATION_THROTTLED,
    /** Someone marked the break-glass notifications addressed to them as read (ADR 0026). */
    NOTIFICATION_READ,
    /**
     * The case register changed: a case was opened or closed, or a person was linked to or unlinked from one. A link
     * decides what the decision point releases to the case's agency, so every change is accountable (ADR 0027).
     */
    CASE_CHANGE,
    /**
     * Someone signed in to the web application declared why they are using it (the purpose, and the case where the
     * purpose needs one), before any personal data is shown. Each view names the purpose too; this entry records the
     * declaration itself, so that a purpose declared and changed without anything being viewed is accountable.
     */
    PURPOSE_DECLARED,
    /**
     * A marker on a person that the agreements' forbid rules act on (a sealed adoption record, a restricted record, a
     * refuge address) was set or removed, by a person with a reason or by a people build carrying it to the person a
     * merge or split left the records with. A marker decides what the decision point refuses (ADR 0035).
     */
    SUBJECT_MARKER;

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
