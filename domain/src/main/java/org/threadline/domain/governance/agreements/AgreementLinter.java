package org.threadline.domain.governance.agreements;

import static org.threadline.domain.governance.agreements.Yaml.at;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The rules an agreement must keep to be enforced (GOVERNANCE.md b1.1), each reported at its YAML path: every data
 * item has a retention and at least one purpose; every recipient of a purpose has a legal basis for it, of the kind
 * its regime and the data need; recipients, providers and signers are parties; no allowed purpose falls under a
 * prohibited one; the review is due before the agreement ends; break-glass, grant and forbid roles are defined; and
 * every party has signed, with a trusted key of its own, over this very content.
 */
final class AgreementLinter {
    private final Problems problems;

    AgreementLinter(Problems problems) {
        this.problems = problems;
    }

    void lint(Agreement a, TrustedKeys keys) {
        Map<String, Party> parties = parties(a);
        Set<String> allRoles = new HashSet<>();
        a.parties().forEach(p -> allRoles.addAll(p.roles()));
        dates(a);
        Map<String, Integer> purposeIndex = purposes(a, parties);
        prohibited(a);
        items(a, parties, purposeIndex);
        forbid(a, parties, allRoles);
        breakGlass(a, allRoles);
        signatures(a, parties, keys);
    }

    private Map<String, Party> parties(Agreement a) {
        Map<String, Party> parties = new HashMap<>();
        for (int i = 0; i < a.parties().size(); i++) {
            Party p = a.parties().get(i);
            if (parties.putIfAbsent(p.id(), p) != null) {
                problems.add(at(at("parties", i), "id"), "party '" + p.id() + "' is listed twice");
            }
            duplicates(p.roles(), at(at("parties", i), "roles"), "role");
        }
        if (a.parties().size() < 2) {
            problems.add("parties", "an agreement has at least two parties, has " + a.parties().size());
        }
        return parties;
    }

    private void dates(Agreement a) {
        if (a.validTo().isBefore(a.validFrom())) {
            problems.add("metadata.validTo", "validTo " + a.validTo() + " is before validFrom " + a.validFrom());
        }
        if (a.reviewDue().isAfter(a.validTo())) {
            problems.add("metadata.reviewDue", "reviewDue " + a.reviewDue() + " is after validTo " + a.validTo()
                    + ": the agreement must be reviewed before it ends");
        }
        if (a.reviewDue().isBefore(a.validFrom())) {
            problems.add("metadata.reviewDue", "reviewDue " + a.reviewDue() + " is before validFrom "
                    + a.validFrom());
        }
    }

    private Map<String, Integer> purposes(Agreement a, Map<String, Party> parties) {
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < a.purposes().size(); i++) {
            Purpose p = a.purposes().get(i);
            String path = at("purposes", i);
            if (index.putIfAbsent(p.code(), i) != null) {
                problems.add(at(path, "code"), "purpose '" + p.code() + "' is listed twice");
            }
            for (String party : p.legalBasis().keySet()) {
                if (!parties.containsKey(party)) {
                    problems.add(at(at(path, "legalBasis"), party), "'" + party + "' is not a party to the agreement");
                }
            }
        }
        if (a.purposes().isEmpty()) {
            problems.add("purposes", "an agreement allows at least one purpose");
        }
        return index;
    }

    private void prohibited(Agreement a) {
        for (int i = 0; i < a.prohibitedPurposes().size(); i++) {
            String code = a.prohibitedPurposes().get(i);
            if (!Purpose.CODE.matcher(code).matches()) {
                problems.add(at("prohibitedPurposes", i), "a purpose code is upper-case words joined by dots, was '"
                        + code + "'");
            }
        }
        for (int i = 0; i < a.purposes().size(); i++) {
            String code = a.purposes().get(i).code();
            for (String banned : a.prohibitedPurposes()) {
                if (Purpose.fallsUnder(code, banned)) {
                    problems.add(at(at("purposes", i), "code"), "purpose '" + code + "' is both allowed and "
                            + "prohibited (it falls under prohibited purpose '" + banned + "')");
                }
            }
        }
    }

    private void items(Agreement a, Map<String, Party> parties, Map<String, Integer> purposeIndex) {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < a.dataItems().size(); i++) {
            DataItem d = a.dataItems().get(i);
            String path = at("dataItems", i);
            if (!ids.add(d.id())) {
                problems.add(at(path, "id"), "data item '" + d.id() + "' is listed twice");
            }
            if (!parties.containsKey(d.provider())) {
                problems.add(at(path, "provider"), "provider '" + d.provider() + "' is not a party to the agreement");
            }
            if (d.fields().isEmpty()) {
                problems.add(at(path, "fields"), "a data item lists the fields that may leave the provider");
            }
            duplicates(d.fields(), at(path, "fields"), "field");
            if (d.retention().isEmpty()) {
                problems.add(at(path, "retention"), "data item '" + d.id() + "' has no retention "
                        + "({duration, from, then})");
            }
            if (d.grants().stream().allMatch(g -> g.purposes().isEmpty())) {
                problems.add(at(path, "grants"), "data item '" + d.id() + "' is shared for no purpose: give it "
                        + "at least one grant with a purpose");
            }
            for (int g = 0; g < d.grants().size(); g++) {
                grant(a, d, d.grants().get(g), at(at(path, "grants"), g), parties, purposeIndex);
            }
            for (int n = 0; n < d.narrowing().size(); n++) {
                Narrowing rule = d.narrowing().get(n);
                String rulePath = at(at(path, "narrowing"), n);
                if (rule.subjectRoles().isEmpty() && rule.levelsOfNeed().isEmpty()) {
                    problems.add(rulePath, "a narrowing rule names subjectRoles, levelsOfNeed or both");
                }
                if (rule.withhold().isEmpty()) {
                    problems.add(at(rulePath, "withhold"), "a narrowing rule withholds at least one field");
                }
                unknownFields(d, rule.withhold(), at(rulePath, "withhold"));
            }
        }
    }

    private void grant(Agreement a, DataItem d, Grant g, String path, Map<String, Party> parties,
                       Map<String, Integer> purposeIndex) {
        Party recipient = parties.get(g.recipient());
        if (recipient == null) {
            problems.add(at(path, "recipient"), "recipient '" + g.recipient() + "' is not a party to the agreement");
        }
        if (g.purposes().isEmpty()) {
            problems.add(at(path, "purposes"), "a grant names at least one purpose");
        }
        duplicates(g.purposes(), at(path, "purposes"), "purpose");
        for (int p = 0; p < g.purposes().size(); p++) {
            String code = g.purposes().get(p);
            String purposePath = at(at(path, "purposes"), p);
            Integer declared = purposeIndex.get(code);
            if (declared == null) {
                problems.add(purposePath, "purpose '" + code + "' is not one of the agreement's purposes");
                continue;
            }
            if (recipient != null) {
                legalBasis(a.purposes().get(declared), declared, recipient, d, purposePath);
            }
        }
        if (recipient != null) {
            for (int r = 0; r < g.roles().size(); r++) {
                if (!recipient.roles().contains(g.roles().get(r))) {
                    problems.add(at(at(path, "roles"), r), "role '" + g.roles().get(r) + "' is not a role of party '"
                            + recipient.id() + "' (" + String.join(", ", recipient.roles()) + ")");
                }
            }
            if (g.roles().isEmpty() && recipient.roles().isEmpty()) {
                problems.add(at(path, "roles"), "party '" + recipient.id() + "' defines no roles, so nobody could "
                        + "use this grant");
            }
        }
        unknownFields(d, g.fields(), at(path, "fields"));
    }

    /** The legal basis a recipient needs for a purpose, given its regime and the kind of data it receives. */
    private void legalBasis(Purpose purpose, int purposeIndex, Party recipient, DataItem d, String grantPath) {
        String basisPath = at(at(at("purposes", purposeIndex), "legalBasis"), recipient.id());
        LegalBasis basis = purpose.legalBasis().get(recipient.id());
        String where = " (needed by " + grantPath + ", data item '" + d.id() + "')";
        if (basis == null) {
            problems.add(basisPath, "no legal basis for recipient '" + recipient.id() + "' under purpose '"
                    + purpose.code() + "'" + where);
            return;
        }
        if (recipient.regime() == Party.Regime.DPA2018_PART3) {
            missing(basis.part3(), basisPath, "part3", "a DPA 2018 Part 3 basis (law enforcement processing)", where);
            return;
        }
        missing(basis.art6(), basisPath, "art6", "a UK GDPR Article 6 basis", where);
        if (d.specialCategory().isPresent()) {
            missing(basis.art9(), basisPath, "art9", "an Article 9 condition (special category data: "
                    + d.specialCategory().get() + ")", where);
            missing(basis.dpa2018Sch1(), basisPath, "dpa2018Sch1", "a DPA 2018 Schedule 1 condition (special "
                    + "category data)", where);
        }
        if (d.criminalOffenceData()) {
            missing(basis.art10(), basisPath, "art10", "an Article 10 condition (criminal offence data)", where);
        }
    }

    private void missing(Optional<String> value, String path, String key, String what, String where) {
        if (value.isEmpty()) {
            problems.add(at(path, key), "missing " + what + where);
        }
    }

    private void forbid(Agreement a, Map<String, Party> parties, Set<String> allRoles) {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < a.forbid().size(); i++) {
            ForbidRule f = a.forbid().get(i);
            String path = at("forbid", i);
            if (!ids.add(f.id())) {
                problems.add(at(path, "id"), "forbid rule '" + f.id() + "' is listed twice");
            }
            for (int j = 0; j < f.dataItems().size(); j++) {
                if (a.dataItem(f.dataItems().get(j)).isEmpty()) {
                    problems.add(at(at(path, "dataItems"), j), "no data item '" + f.dataItems().get(j) + "'");
                }
            }
            for (int j = 0; j < f.recipients().size(); j++) {
                if (!parties.containsKey(f.recipients().get(j))) {
                    problems.add(at(at(path, "recipients"), j), "'" + f.recipients().get(j) + "' is not a party");
                }
            }
            for (int j = 0; j < f.purposes().size(); j++) {
                if (!Purpose.CODE.matcher(f.purposes().get(j)).matches()) {
                    problems.add(at(at(path, "purposes"), j), "not a purpose code: '" + f.purposes().get(j) + "'");
                }
            }
            undefinedRoles(f.unlessRoles(), at(path, "unlessRoles"), allRoles);
        }
    }

    private void breakGlass(Agreement a, Set<String> allRoles) {
        a.breakGlass().ifPresent(b -> {
            if (b.allowedRoles().isEmpty()) {
                problems.add("breakGlass.allowedRoles", "break-glass names the roles that may use it");
            }
            undefinedRoles(b.allowedRoles(), "breakGlass.allowedRoles", allRoles);
            if (b.maxDuration().compareTo(BreakGlassRule.LONGEST) > 0) {
                problems.add("breakGlass.maxDuration", "break-glass lasts at most " + BreakGlassRule.LONGEST
                        + ", was " + AgreementWriter.duration(b.maxDuration()));
            }
            if (b.reviewWithin().compareTo(BreakGlassRule.LATEST_REVIEW) > 0) {
                problems.add("breakGlass.reviewWithin", "break-glass is reviewed within 3 days (P3D), was "
                        + AgreementWriter.duration(b.reviewWithin()));
            }
            if (b.notifyOnUse().isEmpty()) {
                problems.add("breakGlass.notify", "break-glass notifies someone immediately: name who");
            }
        });
    }

    private void undefinedRoles(List<String> roles, String path, Set<String> allRoles) {
        for (int j = 0; j < roles.size(); j++) {
            if (!allRoles.contains(roles.get(j))) {
                problems.add(at(path, j), "role '" + roles.get(j) + "' is not defined by any party");
            }
        }
    }

    private void signatures(Agreement a, Map<String, Party> parties, TrustedKeys keys) {
        Set<String> signed = new LinkedHashSet<>();
        for (int i = 0; i < a.signatures().size(); i++) {
            Signature s = a.signatures().get(i);
            String path = at("signatures", i);
            if (!parties.containsKey(s.party())) {
                problems.add(at(path, "party"), "'" + s.party() + "' signs but is not a party");
                continue;
            }
            if (!signed.add(s.party())) {
                problems.add(at(path, "party"), "party '" + s.party() + "' signs twice");
            }
            Optional<TrustedKeys.TrustedKey> key = keys.key(s.keyId());
            if (key.isEmpty()) {
                problems.add(at(path, "keyId"), "key '" + s.keyId() + "' is not a trusted key");
            } else if (!key.get().party().equals(s.party())) {
                problems.add(at(path, "keyId"), "key '" + s.keyId() + "' belongs to party '" + key.get().party()
                        + "', not '" + s.party() + "'");
            } else if (!AgreementSigner.verifies(a, s, key.get().publicKey())) {
                problems.add(at(path, "sig"), "signature of '" + s.party() + "' does not verify: the agreement "
                        + "changed after signing, or the signature is damaged");
            }
        }
        for (Party p : a.parties()) {
            if (!signed.contains(p.id())) {
                problems.add("signatures", "missing signature of party '" + p.id() + "'");
            }
        }
    }

    private void unknownFields(DataItem d, List<String> fields, String path) {
        for (int f = 0; f < fields.size(); f++) {
            if (!d.fields().contains(fields.get(f))) {
                problems.add(at(path, f), "'" + fields.get(f) + "' is not a field of data item '" + d.id() + "'");
            }
        }
    }

    private void duplicates(List<String> values, String path, String what) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < values.size(); i++) {
            if (!seen.add(values.get(i))) {
                problems.add(at(path, i), what + " '" + values.get(i) + "' is listed twice");
            }
        }
    }
}
