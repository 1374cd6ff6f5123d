package org.threadline.domain.governance.agreements;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/**
 * Writes an agreement as the tree {@link AgreementReader} reads, in a fixed, readable key order. Optional values
 * that are absent, false flags and empty optional lists are left out, because the reader gives them back as the
 * same defaults: writing and reading again gives an equal agreement, and so the same canonical form.
 */
final class AgreementWriter {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private AgreementWriter() {
    }

    static ObjectNode tree(Agreement a, boolean withSignatures) {
        ObjectNode root = NODES.objectNode();
        root.put("apiVersion", AgreementReader.API_VERSION);
        root.put("kind", AgreementReader.KIND);
        ObjectNode meta = root.putObject("metadata");
        meta.put("id", a.id());
        meta.put("version", a.version());
        a.supersedes().ifPresent(v -> meta.put("supersedes", v));
        meta.put("title", a.title());
        a.dpia().ifPresent(v -> meta.put("dpia", v));
        a.approvedBy().ifPresent(v -> meta.put("approvedBy", v));
        meta.put("status", a.status().yamlName());
        meta.put("validFrom", a.validFrom().toString());
        meta.put("validTo", a.validTo().toString());
        meta.put("reviewDue", a.reviewDue().toString());
        ArrayNode parties = root.putArray("parties");
        for (Party p : a.parties()) {
            ObjectNode n = parties.addObject();
            n.put("id", p.id());
            n.put("name", p.name());
            n.put("regime", p.regime().yamlName());
            texts(n, "roles", p.roles(), true);
        }
        ArrayNode purposes = root.putArray("purposes");
        for (Purpose p : a.purposes()) {
            ObjectNode n = purposes.addObject();
            n.put("code", p.code());
            if (!p.description().isEmpty()) {
                n.put("description", p.description());
            }
            n.put("requiresCaseReference", p.requiresCaseReference());
            ObjectNode bases = n.putObject("legalBasis");
            p.legalBasis().entrySet().stream().sorted(Map.Entry.comparingByKey())
                    .forEach(e -> basis(bases.putObject(e.getKey()), e.getValue()));
        }
        texts(root, "prohibitedPurposes", a.prohibitedPurposes(), true);
        ArrayNode items = root.putArray("dataItems");
        a.dataItems().forEach(d -> item(items.addObject(), d));
        if (!a.forbid().isEmpty()) {
            ArrayNode forbid = root.putArray("forbid");
            a.forbid().forEach(f -> forbid(forbid.addObject(), f));
        }
        a.breakGlass().ifPresent(b -> {
            ObjectNode n = root.putObject("breakGlass");
            texts(n, "allowedRoles", b.allowedRoles(), true);
            n.put("maxDuration", duration(b.maxDuration()));
            texts(n, "notify", b.notifyOnUse(), true);
            n.put("reviewWithin", duration(b.reviewWithin()));
        });
        if (withSignatures) {
            ArrayNode sigs = root.putArray("signatures");
            for (Signature s : a.signatures()) {
                ObjectNode n = sigs.addObject();
                n.put("party", s.party());
                n.put("signer", s.signer());
                n.put("keyId", s.keyId());
                n.put("sig", s.sig());
            }
        }
        return root;
    }

    private static void basis(ObjectNode n, LegalBasis b) {
        put(n, "art6", b.art6());
        put(n, "art9", b.art9());
        put(n, "dpa2018Sch1", b.dpa2018Sch1());
        put(n, "art10", b.art10());
        put(n, "part3", b.part3());
    }

    private static void item(ObjectNode n, DataItem d) {
        n.put("id", d.id());
        n.put("feed", d.feed());
        n.put("provider", d.provider());
        texts(n, "fields", d.fields(), true);
        n.put("classification", d.classification());
        put(n, "specialCategory", d.specialCategory());
        if (d.criminalOffenceData()) {
            n.put("criminalOffenceData", true);
        }
        d.retention().ifPresent(r -> {
            ObjectNode rn = n.putObject("retention");
            rn.put("duration", r.duration().toString());
            rn.put("from", r.from());
            rn.put("then", r.then());
        });
        ArrayNode grants = n.putArray("grants");
        for (Grant g : d.grants()) {
            ObjectNode gn = grants.addObject();
            gn.put("recipient", g.recipient());
            texts(gn, "purposes", g.purposes(), true);
            texts(gn, "roles", g.roles(), false);
            texts(gn, "fields", g.fields(), false);
            if (g.notifyProvider()) {
                gn.put("notifyProvider", true);
            }
        }
        if (!d.narrowing().isEmpty()) {
            ArrayNode rules = n.putArray("narrowing");
            for (Narrowing r : d.narrowing()) {
                ObjectNode rn = rules.addObject();
                texts(rn, "subjectRoles", r.subjectRoles().stream().sorted().map(Enum::name).toList(), false);
                texts(rn, "levelsOfNeed", r.levelsOfNeed().stream().sorted().map(Enum::name).toList(), false);
                texts(rn, "withhold", r.withhold(), true);
                rn.put("reason", r.reason());
            }
        }
    }

    private static void forbid(ObjectNode n, ForbidRule f) {
        n.put("id", f.id());
        n.put("marker", f.marker());
        texts(n, "dataItems", f.dataItems(), false);
        texts(n, "purposes", f.purposes(), false);
        texts(n, "recipients", f.recipients(), false);
        texts(n, "unlessRoles", f.unlessRoles(), false);
        n.put("reason", f.reason());
    }

    private static void put(ObjectNode n, String key, Optional<String> value) {
        value.ifPresent(v -> n.put(key, v));
    }

    private static void texts(ObjectNode n, String key, Collection<String> values, boolean evenIfEmpty) {
        if (values.isEmpty() && !evenIfEmpty) {
            return;
        }
        ArrayNode list = n.putArray(key);
        values.forEach(list::add);
    }

    /** Whole days as {@code P3D} (as people write them), anything else as {@code PT4H}. */
    static String duration(Duration d) {
        return d.toSeconds() % 86_400 == 0 ? "P" + d.toDays() + "D" : d.toString();
    }
}
