package org.threadline.domain.governance.policy;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A decision to share, or not to share, recorded in its own right: what, to whom, about whom, why, under which
 * agreement and purpose. Not sharing is as much a decision as sharing (a practitioner may decide against sharing
 * what an agreement allows), and both are evidence in a later review.
 *
 * @param fields     what was (or would have been) shared
 * @param agreements the agreement versions ({@code ID@N}) relied on or considered
 * @param rationale  the practitioner's reason, in words; never blank
 * @param reasons    the decision point's reason codes, when it denied
 */
public record SharingDecision(String id, Instant decidedAt, Principal decidedBy, Outcome outcome, String dataItem,
                              Set<String> fields, String recipient, String subjectId, String purpose,
                              List<String> agreements, String rationale, List<ReasonCode> reasons) {

    public enum Outcome { SHARE, NOT_SHARE }

    public SharingDecision {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(decidedAt, "decidedAt");
        Objects.requireNonNull(decidedBy, "decidedBy");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(dataItem, "dataItem");
        Objects.requireNonNull(recipient, "recipient");
        Objects.requireNonNull(subjectId, "subjectId");
        Objects.requireNonNull(purpose, "purpose");
        fields = Set.copyOf(fields);
        agreements = List.copyOf(agreements);
        reasons = List.copyOf(reasons);
        if (rationale == null || rationale.isBlank()) {
            throw new IllegalArgumentException("a sharing decision records why it was made");
        }
        if (outcome == Outcome.SHARE && (fields.isEmpty() || agreements.isEmpty())) {
            throw new IllegalArgumentException("a decision to share names the fields and the agreement it rests on");
        }
    }

    /**
     * Records what a practitioner decided about a request the decision point has decided. Sharing needs a permit
     * and shares at most the permitted fields; not sharing can follow a permit (a judgement not to) or a deny.
     */
    public static SharingDecision record(String id, AccessRequest request, Decision decision, Outcome outcome,
                                         String recipient, String rationale, Clock clock) {
        if (decision instanceof Decision.Permit permit) {
            return new SharingDecision(id, clock.instant(), request.principal(), outcome, request.dataItem(),
                    permit.fields(), recipient, request.subject().subjectId(), request.purpose(), permit.agreements(),
                    rationale, List.of());
        }
        if (outcome == Outcome.SHARE) {
            throw new IllegalArgumentException("a denied request cannot be shared");
        }
        Decision.Deny deny = (Decision.Deny) decision;
        return new SharingDecision(id, clock.instant(), request.principal(), outcome, request.dataItem(),
                request.fields(), recipient, request.subject().subjectId(), request.purpose(), List.of(), rationale,
                deny.reasons().stream().map(DenyReason::code).toList());
    }
}
