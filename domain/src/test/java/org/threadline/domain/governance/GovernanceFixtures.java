package org.threadline.domain.governance;

import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.threadline.domain.governance.agreements.Agreement;
import org.threadline.domain.governance.agreements.AgreementSigner;
import org.threadline.domain.governance.agreements.Agreements;
import org.threadline.domain.governance.agreements.BreakGlassRule;
import org.threadline.domain.governance.agreements.DataItem;
import org.threadline.domain.governance.agreements.ForbidRule;
import org.threadline.domain.governance.agreements.Party;
import org.threadline.domain.governance.agreements.Purpose;
import org.threadline.domain.governance.agreements.Signature;
import org.threadline.domain.governance.agreements.TrustedKeys;

/** The shipped agreements, a small agreement to break on purpose, test keys and copy-with helpers. */
public final class GovernanceFixtures {
    public static final Path AGREEMENTS = Path.of("..", "config", "agreements");
    public static final Path TRUSTED_KEYS = AGREEMENTS.resolve("keys").resolve("trusted-keys.yaml");
    private static final Map<String, KeyPair> TEST_KEYS = new HashMap<>();

    private GovernanceFixtures() {
    }

    public static TrustedKeys demoKeys() {
        return Agreements.loadKeys(TRUSTED_KEYS);
    }

    public static List<Agreement> shipped() {
        return Agreements.loadFolder(AGREEMENTS, demoKeys());
    }

    public static Agreement shipped(String id) {
        return shipped().stream().filter(a -> a.id().equals(id)).findFirst().orElseThrow();
    }

    /** A small, valid agreement: two parties, two purposes, two data items, a forbid rule and break-glass. */
    public static final String SMALL = """
            apiVersion: threadline.isa/v1
            kind: InformationSharingAgreement
            metadata:
              id: ISA-TEST
              version: 1
              title: Test agreement
              status: active
              validFrom: 2026-04-01
              validTo: 2027-03-31
              reviewDue: 2027-01-31
            parties:
              - {id: police, name: Police, regime: DPA2018-Part3, roles: [PPU_OFFICER]}
              - {id: social-care, name: Social care, regime: UKGDPR, roles: [SOCIAL_WORKER, DUTY_MANAGER]}
            purposes:
              - code: SAFEGUARDING.CHILD
                requiresCaseReference: true
                legalBasis:
                  social-care: {art6: "6(1)(e)", art9: "9(2)(g)", dpa2018Sch1: "Part 2 para 18", art10: "s10(5)"}
                  police: {part3: "s35"}
              - code: ANALYSIS
                requiresCaseReference: false
                legalBasis:
                  social-care: {art6: "6(1)(e)", art10: "s10(5)"}
            prohibitedPurposes: [MARKETING]
            dataItems:
              - id: incidents
                feed: police-incident-persons
                provider: police
                fields: [DATE, OFFENCE, NAME, ADDRESS, PHONE]
                classification: OFFICIAL-SENSITIVE
                criminalOffenceData: true
                retention: {duration: P6Y, from: caseClosure, then: delete}
                grants:
                  - {recipient: social-care, purposes: [SAFEGUARDING.CHILD], roles: [SOCIAL_WORKER, DUTY_MANAGER]}
                  - {recipient: social-care, purposes: [ANALYSIS], roles: [SOCIAL_WORKER], fields: [DATE, OFFENCE]}
                narrowing:
                  - {subjectRoles: [WITNESS], withhold: [ADDRESS, PHONE], reason: witnesses}
                  - {levelsOfNeed: [UNIVERSAL], withhold: [OFFENCE], reason: low need}
              - id: referrals
                feed: social-care-referrals
                provider: social-care
                fields: [CHILD, DATE, NEED]
                classification: OFFICIAL-SENSITIVE
                specialCategory: health
                retention: {duration: P25Y, from: birth, then: review}
                grants:
                  - {recipient: police, purposes: [SAFEGUARDING.CHILD], fields: [CHILD, DATE]}
            forbid:
              - {id: sealed, marker: SEALED_ADOPTION_RECORD, reason: sealed}
              - {id: restricted, marker: RESTRICTED_RECORD, unlessRoles: [DUTY_MANAGER], reason: restricted}
            breakGlass:
              allowedRoles: [DUTY_MANAGER]
              maxDuration: PT4H
              notify: [provider.dpo]
              reviewWithin: P3D
            """;

    public static Agreement small() {
        return signAll(Agreements.parse(SMALL, "<small>"));
    }

    public static synchronized KeyPair testKey(String party) {
        return TEST_KEYS.computeIfAbsent(party, p -> {
            try {
                return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    /** Keys for every party any test agreement names. */
    public static TrustedKeys testKeys() {
        List<TrustedKeys.TrustedKey> keys = new ArrayList<>();
        for (String party : List.of("police", "social-care", "health", "schools", "housing", "justice",
                "substance-misuse", "other")) {
            keys.add(new TrustedKeys.TrustedKey(party + "-test", party, testKey(party).getPublic(), false));
        }
        return TrustedKeys.of(keys);
    }

    /** Signed by every party with the test keys (whatever signatures it had are replaced). */
    public static Agreement signAll(Agreement a) {
        Agreement signed = a.withSignatures(List.of());
        for (Party p : a.parties()) {
            signed = AgreementSigner.sign(signed, p.id(), "test", p.id() + "-test", testKey(p.id()).getPrivate());
        }
        return signed;
    }

    // Copy-with helpers: agreements are immutable records.

    public static Agreement withParties(Agreement a, List<Party> parties) {
        return new Agreement(a.id(), a.version(), a.supersedes(), a.title(), a.dpia(), a.approvedBy(), a.status(),
                a.validFrom(), a.validTo(), a.reviewDue(), parties, a.purposes(), a.prohibitedPurposes(),
                a.dataItems(), a.forbid(), a.breakGlass(), a.signatures());
    }

    public static Agreement withPurposes(Agreement a, List<Purpose> purposes) {
        return new Agreement(a.id(), a.version(), a.supersedes(), a.title(), a.dpia(), a.approvedBy(), a.status(),
                a.validFrom(), a.validTo(), a.reviewDue(), a.parties(), purposes, a.prohibitedPurposes(),
                a.dataItems(), a.forbid(), a.breakGlass(), a.signatures());
    }

    public static Agreement withProhibited(Agreement a, List<String> prohibited) {
        return new Agreement(a.id(), a.version(), a.supersedes(), a.title(), a.dpia(), a.approvedBy(), a.status(),
                a.validFrom(), a.validTo(), a.reviewDue(), a.parties(), a.purposes(), prohibited,
                a.dataItems(), a.forbid(), a.breakGlass(), a.signatures());
    }

    public static Agreement withItems(Agreement a, List<DataItem> items) {
        return new Agreement(a.id(), a.version(), a.supersedes(), a.title(), a.dpia(), a.approvedBy(), a.status(),
                a.validFrom(), a.validTo(), a.reviewDue(), a.parties(), a.purposes(), a.prohibitedPurposes(),
                items, a.forbid(), a.breakGlass(), a.signatures());
    }

    public static Agreement withForbid(Agreement a, List<ForbidRule> forbid) {
        return new Agreement(a.id(), a.version(), a.supersedes(), a.title(), a.dpia(), a.approvedBy(), a.status(),
                a.validFrom(), a.validTo(), a.reviewDue(), a.parties(), a.purposes(), a.prohibitedPurposes(),
                a.dataItems(), forbid, a.breakGlass(), a.signatures());
    }

    public static Agreement withBreakGlass(Agreement a, Optional<BreakGlassRule> rule) {
        return new Agreement(a.id(), a.version(), a.supersedes(), a.title(), a.dpia(), a.approvedBy(), a.status(),
                a.validFrom(), a.validTo(), a.reviewDue(), a.parties(), a.purposes(), a.prohibitedPurposes(),
                a.dataItems(), a.forbid(), rule, a.signatures());
    }

    public static Agreement withDates(Agreement a, java.time.LocalDate from, java.time.LocalDate to,
                                      java.time.LocalDate review) {
        return new Agreement(a.id(), a.version(), a.supersedes(), a.title(), a.dpia(), a.approvedBy(), a.status(),
                from, to, review, a.parties(), a.purposes(), a.prohibitedPurposes(),
                a.dataItems(), a.forbid(), a.breakGlass(), a.signatures());
    }

    public static Agreement withVersion(Agreement a, int version, Optional<String> approvedBy) {
        return new Agreement(a.id(), version, a.supersedes(), a.title(), a.dpia(), approvedBy, a.status(),
                a.validFrom(), a.validTo(), a.reviewDue(), a.parties(), a.purposes(), a.prohibitedPurposes(),
                a.dataItems(), a.forbid(), a.breakGlass(), a.signatures());
    }

    public static Agreement withStatus(Agreement a, org.threadline.domain.governance.agreements.AgreementStatus s) {
        return new Agreement(a.id(), a.version(), a.supersedes(), a.title(), a.dpia(), a.approvedBy(), s,
                a.validFrom(), a.validTo(), a.reviewDue(), a.parties(), a.purposes(), a.prohibitedPurposes(),
                a.dataItems(), a.forbid(), a.breakGlass(), a.signatures());
    }

    public static Agreement withSignatures(Agreement a, List<Signature> signatures) {
        return a.withSignatures(signatures);
    }
}
