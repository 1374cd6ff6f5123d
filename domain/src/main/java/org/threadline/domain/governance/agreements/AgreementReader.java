package org.threadline.domain.governance.agreements;

import static org.threadline.domain.governance.agreements.Yaml.at;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.threadline.domain.chronology.EventRole;

/**
 * The schema half of validation: turns a YAML tree into an {@link Agreement}, reporting every key, type and format
 * error at its path. Elements that cannot be read are left out, so that the linter can still look at the rest and
 * every defect is reported in one pass. What makes an agreement lawful or coherent is {@link AgreementLinter}'s job.
 */
final class AgreementReader {
    static final String API_VERSION = "threadline.isa/v1";
    static final String KIND = "InformationSharingAgreement";
    private static final Set<String> ROOT = Set.of("apiVersion", "kind", "metadata", "parties", "purposes",
            "prohibitedPurposes", "dataItems", "forbid", "breakGlass", "signatures");
    private static final Set<String> METADATA = Set.of("id", "version", "supersedes", "title", "dpia", "approvedBy",
            "status", "validFrom", "validTo", "reviewDue");
    private static final Set<String> PARTY = Set.of("id", "name", "regime", "roles");
    private static final Set<String> PURPOSE = Set.of("code", "description", "requiresCaseReference", "legalBasis");
    private static final Set<String> BASIS = Set.of("art6", "art9", "dpa2018Sch1", "art10", "part3");
    private static final Set<String> ITEM = Set.of("id", "feed", "provider", "fields", "classification",
            "specialCategory", "criminalOffenceData", "retention", "grants", "narrowing");
    private static final Set<String> RETENTION = Set.of("duration", "from", "then");
    private static final Set<String> GRANT = Set.of("recipient", "purposes", "roles", "fields", "notifyProvider");
    private static final Set<String> NARROWING = Set.of("subjectRoles", "levelsOfNeed", "withhold", "reason");
    private static final Set<String> FORBID = Set.of("id", "marker", "dataItems", "purposes", "recipients",
            "unlessRoles", "reason");
    private static final Set<String> BREAK_GLASS = Set.of("allowedRoles", "maxDuration", "notify", "reviewWithin");
    private static final Set<String> SIGNATURE = Set.of("party", "signer", "keyId", "sig");

    private final Problems problems;
    private final Yaml yaml;

    AgreementReader(Problems problems) {
        this.problems = problems;
        this.yaml = new Yaml(problems);
    }

    /** The agreement as far as it could be read (stand-ins where not); empty only when there is no metadata. */
    Optional<Agreement> read(JsonNode root) {
        if (!yaml.mapping(root, "", "an agreement")) {
            return Optional.empty();
        }
        yaml.onlyKnownKeys(root, "", ROOT);
        yaml.requiredText(root, "", "apiVersion").filter(v -> !v.equals(API_VERSION))
                .ifPresent(v -> problems.add("apiVersion", "must be " + API_VERSION + ", was '" + v + "'"));
        yaml.requiredText(root, "", "kind").filter(v -> !v.equals(KIND))
                .ifPresent(v -> problems.add("kind", "must be " + KIND + ", was '" + v + "'"));
        JsonNode meta = root.get("metadata");
        if (!yaml.mapping(meta, "metadata", "metadata")) {
            return Optional.empty();
        }
        yaml.onlyKnownKeys(meta, "metadata", METADATA);
        Optional<String> id = yaml.requiredText(meta, "metadata", "id");
        Optional<Integer> version = yaml.requiredInt(meta, "metadata", "version");
        version.filter(v -> v < 1).ifPresent(v -> problems.add("metadata.version", "counts from 1, was " + v));
        Optional<String> title = yaml.requiredText(meta, "metadata", "title");
        Optional<AgreementStatus> status = yaml.requiredText(meta, "metadata", "status").flatMap(this::status);
        Optional<LocalDate> from = yaml.requiredDate(meta, "metadata", "validFrom");
        Optional<LocalDate> to = yaml.requiredDate(meta, "metadata", "validTo");
        Optional<LocalDate> review = yaml.requiredDate(meta, "metadata", "reviewDue");

        List<Party> parties = new ArrayList<>();
        each(root, "", "parties", (node, path) -> party(node, path).ifPresent(parties::add));
        List<Purpose> purposes = new ArrayList<>();
        each(root, "", "purposes", (node, path) -> purpose(node, path).ifPresent(purposes::add));
        List<String> prohibited = yaml.texts(root, "", "prohibitedPurposes");
        List<DataItem> items = new ArrayList<>();
        each(root, "", "dataItems", (node, path) -> item(node, path).ifPresent(items::add));
        List<ForbidRule> forbid = new ArrayList<>();
        each(root, "", "forbid", (node, path) -> forbid(node, path).ifPresent(forbid::add));
        Optional<BreakGlassRule> breakGlass = root.hasNonNull("breakGlass")
                ? breakGlass(root.get("breakGlass"), "breakGlass") : Optional.empty();
        List<Signature> signatures = new ArrayList<>();
        each(root, "", "signatures", (node, path) -> signature(node, path).ifPresent(signatures::add));

        // What could not be read is already reported; stand-ins let the linter check the rest in the same pass.
        // The stand-in dates keep validFrom <= reviewDue <= validTo, so they add no defect of their own.
        LocalDate validFrom = from.orElse(LocalDate.of(1, 1, 1));
        LocalDate validTo = to.orElse(LocalDate.of(9999, 12, 31));
        LocalDate reviewDue = review.orElse(validTo);
        return Optional.of(new Agreement(id.orElse("?"), version.filter(v -> v >= 1).orElse(1),
                yaml.optionalText(meta, "metadata", "supersedes"), title.orElse("?"),
                yaml.optionalText(meta, "metadata", "dpia"), yaml.optionalText(meta, "metadata", "approvedBy"),
                status.orElse(AgreementStatus.DRAFT), validFrom, validTo, reviewDue,
                parties, purposes, prohibited, items, forbid, breakGlass, signatures));
    }

    private interface ElementReader {
        void read(JsonNode node, String path);
    }

    private void each(JsonNode parent, String path, String key, ElementReader reader) {
        List<JsonNode> nodes = yaml.list(parent, path, key);
        for (int i = 0; i < nodes.size(); i++) {
            reader.read(nodes.get(i), at(at(path, key), i));
        }
    }

    private Optional<AgreementStatus> status(String text) {
        try {
            return Optional.of(AgreementStatus.valueOf(text.toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            problems.add("metadata.status", "unknown status '" + text + "' (draft, active, suspended, expired, "
                    + "terminated)");
            return Optional.empty();
        }
    }

    private Optional<Party> party(JsonNode node, String path) {
        if (!yaml.mapping(node, path, "a party")) {
            return Optional.empty();
        }
        yaml.onlyKnownKeys(node, path, PARTY);
        Optional<String> id = yaml.requiredText(node, path, "id");
        Optional<String> name = yaml.requiredText(node, path, "name");
        Optional<Party.Regime> regime = yaml.requiredText(node, path, "regime").flatMap(text -> {
            Optional<Party.Regime> r = Party.Regime.fromYaml(text);
            if (r.isEmpty()) {
                problems.add(at(path, "regime"), "unknown regime '" + text + "' (UKGDPR or DPA2018-Part3)");
            }
            return r;
        });
        List<String> roles = yaml.texts(node, path, "roles");
        if (id.isEmpty() || name.isEmpty() || regime.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Party(id.get(), name.get(), regime.get(), roles));
    }

    private Optional<Purpose> purpose(JsonNode node, String path) {
        if (!yaml.mapping(node, path, "a purpose")) {
            return Optional.empty();
        }
        yaml.onlyKnownKeys(node, path, PURPOSE);
        Optional<String> code = yaml.requiredText(node, path, "code");
        code.filter(c -> !Purpose.CODE.matcher(c).matches()).ifPresent(c -> problems.add(at(path, "code"),
                "a purpose code is upper-case words joined by dots (SAFEGUARDING.CHILD), was '" + c + "'"));
        String description = yaml.optionalText(node, path, "description").orElse("");
        boolean caseRef = yaml.flag(node, path, "requiresCaseReference");
        Map<String, LegalBasis> bases = new LinkedHashMap<>();
        JsonNode basisNode = node.get("legalBasis");
        if (basisNode != null && !basisNode.isNull() && yaml.mapping(basisNode, at(path, "legalBasis"),
                "legalBasis (recipient party id to its basis)")) {
            basisNode.fields().forEachRemaining(e -> legalBasis(e.getValue(), at(at(path, "legalBasis"), e.getKey()))
                    .ifPresent(b -> bases.put(e.getKey(), b)));
        }
        return code.map(c -> new Purpose(c, description, caseRef, bases));
    }

    private Optional<LegalBasis> legalBasis(JsonNode node, String path) {
        if (!yaml.mapping(node, path, "a legal basis (art6, art9, dpa2018Sch1, art10, part3)")) {
            return Optional.empty();
        }
        yaml.onlyKnownKeys(node, path, BASIS);
        return Optional.of(new LegalBasis(yaml.optionalText(node, path, "art6"), yaml.optionalText(node, path, "art9"),
                yaml.optionalText(node, path, "dpa2018Sch1"), yaml.optionalText(node, path, "art10"),
                yaml.optionalText(node, path, "part3")));
    }

    private Optional<DataItem> item(JsonNode node, String path) {
        if (!yaml.mapping(node, path, "a data item")) {
            return Optional.empty();
        }
        yaml.onlyKnownKeys(node, path, ITEM);
        Optional<String> id = yaml.requiredText(node, path, "id");
        Optional<String> feed = yaml.requiredText(node, path, "feed");
        Optional<String> provider = yaml.requiredText(node, path, "provider");
        List<String> fields = yaml.texts(node, path, "fields");
        Optional<String> classification = yaml.requiredText(node, path, "classification");
        Optional<String> special = yaml.optionalText(node, path, "specialCategory");
        boolean criminal = yaml.flag(node, path, "criminalOffenceData");
        Optional<Retention> retention = node.hasNonNull("retention")
                ? retention(node.get("retention"), at(path, "retention")) : Optional.empty();
        List<Grant> grants = new ArrayList<>();
        each(node, path, "grants", (g, p) -> grant(g, p).ifPresent(grants::add));
        List<Narrowing> narrowing = new ArrayList<>();
        each(node, path, "narrowing", (n, p) -> narrowing(n, p).ifPresent(narrowing::add));
        if (id.isEmpty() || feed.isEmpty() || provider.isEmpty() || classification.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new DataItem(id.get(), feed.get(), provider.get(), fields, classification.get(), special,
                criminal, retention, grants, narrowing));
    }

    private Optional<Retention> retention(JsonNode node, String path) {
        if (!yaml.mapping(node, path, "retention ({duration, from, then})")) {
            return Optional.empty();
        }
        yaml.onlyKnownKeys(node, path, RETENTION);
        var duration = yaml.requiredPeriod(node, path, "duration");
        Optional<String> from = yaml.requiredText(node, path, "from");
        Optional<String> then = yaml.requiredText(node, path, "then");
        then.filter(t -> !t.equals("delete") && !t.equals("review")).ifPresent(t -> problems.add(at(path, "then"),
                "what happens at the end of retention: delete or review, was '" + t + "'"));
        if (duration.isEmpty() || from.isEmpty() || then.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Retention(duration.get(), from.get(), then.get()));
    }

    private Optional<Grant> grant(JsonNode node, String path) {
        if (!yaml.mapping(node, path, "a grant")) {
            return Optional.empty();
        }
        yaml.onlyKnownKeys(node, path, GRANT);
        Optional<String> recipient = yaml.requiredText(node, path, "recipient");
        List<String> purposes = yaml.texts(node, path, "purposes");
        List<String> roles = yaml.texts(node, path, "roles");
        List<String> fields = yaml.texts(node, path, "fields");
        boolean notify = yaml.flag(node, path, "notifyProvider");
        return recipient.map(r -> new Grant(r, purposes, roles, fields, notify));
    }

    private Optional<Narrowing> narrowing(JsonNode node, String path) {
        if (!yaml.mapping(node, path, "a narrowing rule")) {
            return Optional.empty();
        }
        yaml.onlyKnownKeys(node, path, NARROWING);
        Set<EventRole> roles = EnumSet.noneOf(EventRole.class);
        List<String> roleNames = yaml.texts(node, path, "subjectRoles");
        for (int i = 0; i < roleNames.size(); i++) {
            try {
                roles.add(EventRole.valueOf(roleNames.get(i)));
            } catch (IllegalArgumentException e) {
                problems.add(at(at(path, "subjectRoles"), i), "unknown role on an event '" + roleNames.get(i)
                        + "' (" + String.join(", ", names(EventRole.values())) + ")");
            }
        }
        Set<LevelOfNeed> levels = EnumSet.noneOf(LevelOfNeed.class);
        List<String> levelNames = yaml.texts(node, path, "levelsOfNeed");
        for (int i = 0; i < levelNames.size(); i++) {
            try {
                levels.add(LevelOfNeed.valueOf(levelNames.get(i)));
            } catch (IllegalArgumentException e) {
                problems.add(at(at(path, "levelsOfNeed"), i), "unknown level of need '" + levelNames.get(i)
                        + "' (" + String.join(", ", names(LevelOfNeed.values())) + ")");
            }
        }
        List<String> withhold = yaml.texts(node, path, "withhold");
        Optional<String> reason = yaml.requiredText(node, path, "reason");
        return reason.map(r -> new Narrowing(roles, levels, withhold, r));
    }

    private static List<String> names(Enum<?>[] values) {
        return java.util.Arrays.stream(values).map(Enum::name).toList();
    }

    private Optional<ForbidRule> forbid(JsonNode node, String path) {
        if (!yaml.mapping(node, path, "a forbid rule")) {
            return Optional.empty();
        }
        yaml.onlyKnownKeys(node, path, FORBID);
        Optional<String> id = yaml.requiredText(node, path, "id");
        Optional<String> marker = yaml.requiredText(node, path, "marker");
        Optional<String> reason = yaml.requiredText(node, path, "reason");
        List<String> items = yaml.texts(node, path, "dataItems");
        List<String> purposes = yaml.texts(node, path, "purposes");
        List<String> recipients = yaml.texts(node, path, "recipients");
        List<String> unless = yaml.texts(node, path, "unlessRoles");
        if (id.isEmpty() || marker.isEmpty() || reason.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new ForbidRule(id.get(), marker.get(), items, purposes, recipients, unless, reason.get()));
    }

    private Optional<BreakGlassRule> breakGlass(JsonNode node, String path) {
        if (!yaml.mapping(node, path, "breakGlass")) {
            return Optional.empty();
        }
        yaml.onlyKnownKeys(node, path, BREAK_GLASS);
        List<String> roles = yaml.texts(node, path, "allowedRoles");
        Optional<Duration> max = yaml.requiredDuration(node, path, "maxDuration");
        List<String> notify = yaml.texts(node, path, "notify");
        Optional<Duration> review = yaml.requiredDuration(node, path, "reviewWithin");
        if (max.isEmpty() || review.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new BreakGlassRule(roles, max.get(), notify, review.get()));
    }

    private Optional<Signature> signature(JsonNode node, String path) {
        if (!yaml.mapping(node, path, "a signature")) {
            return Optional.empty();
        }
        yaml.onlyKnownKeys(node, path, SIGNATURE);
        Optional<String> party = yaml.requiredText(node, path, "party");
        Optional<String> signer = yaml.requiredText(node, path, "signer");
        Optional<String> keyId = yaml.requiredText(node, path, "keyId");
        Optional<String> sig = yaml.requiredText(node, path, "sig");
        if (party.isEmpty() || signer.isEmpty() || keyId.isEmpty() || sig.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Signature(party.get(), signer.get(), keyId.get(), sig.get()));
    }
}
