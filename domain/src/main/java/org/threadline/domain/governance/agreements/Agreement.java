package org.threadline.domain.governance.agreements;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One version of an information sharing agreement. Agreements are data: this record is what a YAML document reads
 * to, and {@link Agreements#write} writes it back so that reading the result gives an equal record.
 *
 * @param id                 stable id across versions, e.g. {@code ISA-TL-CHILDREN}
 * @param version            counts from 1; every change is a new version, re-signed by every party
 * @param supersedes         the version this one replaces ({@code ID@N}), if any
 * @param approvedBy         who approved what this version widens (the DPO); required by {@code agreements diff}
 *                           when the new version grants more than the old one
 * @param validFrom          first day sharing is allowed
 * @param validTo            last day sharing is allowed (inclusive)
 * @param reviewDue          last day before the review is overdue: from the day after, no new sharing
 * @param prohibitedPurposes purposes no request may declare, nor any purpose under them
 */
public record Agreement(
        String id,
        int version,
        Optional<String> supersedes,
        String title,
        Optional<String> dpia,
        Optional<String> approvedBy,
        AgreementStatus status,
        LocalDate validFrom,
        LocalDate validTo,
        LocalDate reviewDue,
        List<Party> parties,
        List<Purpose> purposes,
        List<String> prohibitedPurposes,
        List<DataItem> dataItems,
        List<ForbidRule> forbid,
        Optional<BreakGlassRule> breakGlass,
        List<Signature> signatures) {

    public Agreement {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(supersedes, "supersedes");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(dpia, "dpia");
        Objects.requireNonNull(approvedBy, "approvedBy");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(validFrom, "validFrom");
        Objects.requireNonNull(validTo, "validTo");
        Objects.requireNonNull(reviewDue, "reviewDue");
        Objects.requireNonNull(breakGlass, "breakGlass");
        parties = List.copyOf(parties);
        purposes = List.copyOf(purposes);
        prohibitedPurposes = List.copyOf(prohibitedPurposes);
        dataItems = List.copyOf(dataItems);
        forbid = List.copyOf(forbid);
        signatures = List.copyOf(signatures);
    }

    /** {@code ID@VERSION}, the way agreements, audit events and sharing decisions cite one version. */
    public String reference() {
        return id + "@" + version;
    }

    public Optional<Party> party(String partyId) {
        return parties.stream().filter(p -> p.id().equals(partyId)).findFirst();
    }

    public Optional<Purpose> purpose(String code) {
        return purposes.stream().filter(p -> p.code().equals(code)).findFirst();
    }

    public Optional<DataItem> dataItem(String itemId) {
        return dataItems.stream().filter(d -> d.id().equals(itemId)).findFirst();
    }

    /** True when {@code purpose} is, or falls under, one of the prohibited purposes. */
    public boolean prohibits(String purpose) {
        return prohibitedPurposes.stream().anyMatch(p -> Purpose.fallsUnder(purpose, p));
    }

    /** Whether sharing may happen on {@code day}: active, within validity, and review not overdue. */
    public Validity validityOn(LocalDate day) {
        if (status != AgreementStatus.ACTIVE) {
            return Validity.NOT_ACTIVE;
        }
        if (day.isBefore(validFrom)) {
            return Validity.NOT_YET_VALID;
        }
        if (day.isAfter(validTo)) {
            return Validity.EXPIRED;
        }
        if (day.isAfter(reviewDue)) {
            return Validity.REVIEW_OVERDUE;
        }
        return Validity.LIVE;
    }

    /** The same agreement with other signatures (signing adds one; the signed content does not change). */
    public Agreement withSignatures(List<Signature> newSignatures) {
        return new Agreement(id, version, supersedes, title, dpia, approvedBy, status, validFrom, validTo, reviewDue,
                parties, purposes, prohibitedPurposes, dataItems, forbid, breakGlass, newSignatures);
    }

    /** Whether an agreement allows sharing on a given day, and if not, why not. */
    public enum Validity { LIVE, NOT_ACTIVE, NOT_YET_VALID, EXPIRED, REVIEW_OVERDUE }
}
