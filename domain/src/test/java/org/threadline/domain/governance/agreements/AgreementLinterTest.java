package org.threadline.domain.governance.agreements;

import static org.assertj.core.api.Assertions.assertThat;
import static org.threadline.domain.governance.GovernanceFixtures.SMALL;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.threadline.domain.governance.GovernanceFixtures;

/**
 * GOVERNANCE.md S1.6: every seeded defect is rejected at its path, valid fixtures are accepted, and several defects
 * in one document are all reported at once.
 */
class AgreementLinterTest {
    private static final TrustedKeys KEYS = GovernanceFixtures.testKeys();

    /** A defect: a change to a valid agreement (re-signed after, unless it is about signatures) and where it shows. */
    record Defect(String name, UnaryOperator<Agreement> inject, boolean resign, String path, String words) {
    }

    static List<Defect> defects() {
        return List.of(
                new Defect("data item without retention", a -> item(a, 0, d -> new DataItem(d.id(), d.feed(),
                        d.provider(), d.fields(), d.classification(), d.specialCategory(), d.criminalOffenceData(),
                        Optional.empty(), d.grants(), d.narrowing())), true, "dataItems[0].retention", "no retention"),
                new Defect("data item without purpose", a -> item(a, 1, d -> new DataItem(d.id(), d.feed(),
                        d.provider(), d.fields(), d.classification(), d.specialCategory(), d.criminalOffenceData(),
                        d.retention(), List.of(), d.narrowing())), true, "dataItems[1].grants", "for no purpose"),
                new Defect("no legal basis for a recipient", a -> basis(a, 0, "social-care", null), true,
                        "purposes[0].legalBasis.social-care", "no legal basis for recipient 'social-care'"),
                new Defect("special category data without Article 9", a -> special(basis(a, 1, "social-care",
                        new LegalBasis(Optional.of("6(1)(e)"), Optional.empty(), Optional.empty(),
                                Optional.of("s10(5)"), Optional.empty()))), true,
                        "purposes[1].legalBasis.social-care.art9", "Article 9"),
                new Defect("criminal offence data without Article 10", a -> basis(a, 1, "social-care",
                        new LegalBasis(Optional.of("6(1)(e)"), Optional.empty(), Optional.empty(), Optional.empty(),
                                Optional.empty())), true, "purposes[1].legalBasis.social-care.art10", "Article 10"),
                new Defect("law enforcement recipient without a Part 3 basis", a -> basis(a, 0, "police",
                        new LegalBasis(Optional.of("6(1)(e)"), Optional.empty(), Optional.empty(), Optional.empty(),
                                Optional.empty())), true, "purposes[0].legalBasis.police.part3", "Part 3"),
                new Defect("recipient not a party", a -> grantRecipient(a, "housing"), true,
                        "dataItems[0].grants[0].recipient", "not a party"),
                new Defect("provider not a party", a -> item(a, 0, d -> new DataItem(d.id(), d.feed(), "health",
                        d.fields(), d.classification(), d.specialCategory(), d.criminalOffenceData(), d.retention(),
                        d.grants(), d.narrowing())), true, "dataItems[0].provider", "not a party"),
                new Defect("purpose both allowed and prohibited", a -> GovernanceFixtures.withProhibited(a,
                        List.of("MARKETING", "ANALYSIS")), true, "purposes[1].code", "both allowed and prohibited"),
                new Defect("purpose under a prohibited parent", a -> GovernanceFixtures.withProhibited(a,
                        List.of("SAFEGUARDING")), true, "purposes[0].code", "both allowed and prohibited"),
                new Defect("review due after the agreement ends", a -> GovernanceFixtures.withDates(a, a.validFrom(),
                        a.validTo(), a.validTo().plusDays(1)), true, "metadata.reviewDue", "after validTo"),
                new Defect("break-glass role not defined", a -> GovernanceFixtures.withBreakGlass(a, Optional.of(
                        new BreakGlassRule(List.of("NIGHT_MANAGER"), Duration.ofHours(4), List.of("provider.dpo"),
                                Duration.ofDays(3)))), true, "breakGlass.allowedRoles[0]", "not defined"),
                new Defect("break-glass longer than four hours", a -> GovernanceFixtures.withBreakGlass(a, Optional.of(
                        new BreakGlassRule(List.of("DUTY_MANAGER"), Duration.ofHours(8), List.of("provider.dpo"),
                                Duration.ofDays(3)))), true, "breakGlass.maxDuration", "at most"),
                new Defect("grant role not a role of the recipient", a -> item(a, 0, d -> withGrant(d, 0,
                        new org.threadline.domain.governance.agreements.Grant("social-care", List.of(
                                "SAFEGUARDING.CHILD"), List.of("PPU_OFFICER"), List.of(), false))), true,
                        "dataItems[0].grants[0].roles[0]", "not a role of party 'social-care'"),
                new Defect("grant purpose not declared", a -> item(a, 0, d -> withGrant(d, 0,
                        new org.threadline.domain.governance.agreements.Grant("social-care", List.of(
                                "SAFEGUARDING.ADULT"), List.of(), List.of(), false))), true,
                        "dataItems[0].grants[0].purposes[0]", "not one of the agreement's purposes"),
                new Defect("grant field not in the data item", a -> item(a, 0, d -> withGrant(d, 0,
                        new org.threadline.domain.governance.agreements.Grant("social-care", List.of(
                                "SAFEGUARDING.CHILD"), List.of(), List.of("NHS_NUMBER"), false))), true,
                        "dataItems[0].grants[0].fields[0]", "not a field"),
                new Defect("forbid rule naming an unknown data item", a -> GovernanceFixtures.withForbid(a, List.of(
                        new ForbidRule("x", "M", List.of("nothing"), List.of(), List.of(), List.of(), "r"))), true,
                        "forbid[0].dataItems[0]", "no data item"),
                new Defect("missing signature", a -> a.withSignatures(a.signatures().subList(1, 2)), false,
                        "signatures", "missing signature of party 'police'"),
                new Defect("signature over other content", a -> GovernanceFixtures.withProhibited(a,
                        Stream.concat(a.prohibitedPurposes().stream(), Stream.of("COMMERCIAL")).toList()), false, "signatures[0].sig", "does not verify"),
                new Defect("signature with another party's key", a -> a.withSignatures(List.of(
                        new Signature("police", "x", "social-care-test", a.signatures().get(0).sig()),
                        a.signatures().get(1))), false, "signatures[0].keyId", "belongs to party 'social-care'"),
                new Defect("signature with an unknown key", a -> a.withSignatures(List.of(
                        new Signature("police", "x", "stolen-key", a.signatures().get(0).sig()),
                        a.signatures().get(1))), false, "signatures[0].keyId", "not a trusted key"),
                new Defect("signature by a non-party", a -> a.withSignatures(List.of(a.signatures().get(0),
                        a.signatures().get(1), new Signature("other", "x", "other-test", "AAAA"))), false,
                        "signatures[2].party", "not a party"));
    }

    static Stream<Arguments> cases() {
        return defects().stream().map(d -> Arguments.of(d.name(), d));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void a_seeded_defect_is_rejected_at_its_path(String name, Defect defect) {
        List<AgreementProblem> problems = check(apply(GovernanceFixtures.small(), List.of(defect)));

        assertThat(problems).as(name).anySatisfy(p -> {
            assertThat(p.path()).isEqualTo(defect.path());
            assertThat(p.message()).contains(defect.words());
        });
    }

    @Test
    void the_valid_fixtures_are_accepted() {
        assertThat(check(GovernanceFixtures.small())).isEmpty();
        for (Agreement a : GovernanceFixtures.shipped()) {
            assertThat(Agreements.check(Agreements.write(a), a.reference(), GovernanceFixtures.demoKeys()).problems())
                    .isEmpty();
        }
    }

    /**
     * 300 documents, each with a seeded random set of 2 to 8 defects: every one of them is reported in the one
     * check. The figure goes to docs/security.md.
     */
    @Test
    void every_defect_of_a_document_is_reported_at_once() {
        long seed = 20261126L;
        SplittableRandom random = new SplittableRandom(seed);
        List<Defect> all = defects();
        int documents = 300;
        int defectsSeeded = 0;
        for (int n = 0; n < documents; n++) {
            List<Defect> chosen = new ArrayList<>(all);
            java.util.Collections.shuffle(chosen, new java.util.Random(random.nextLong()));
            chosen = compatible(chosen.subList(0, 2 + random.nextInt(7)));
            List<AgreementProblem> problems = check(apply(GovernanceFixtures.small(), chosen));
            for (Defect d : chosen) {
                assertThat(problems.stream().anyMatch(p -> p.path().equals(d.path())))
                        .as("seed %d document %d: %s not reported in %s", seed, n, d.name(), problems).isTrue();
                defectsSeeded++;
            }
        }
        assertThat(defectsSeeded).isGreaterThan(documents * 2);
    }

    @Test
    void schema_errors_are_reported_with_the_linters_in_one_list() {
        String broken = SMALL.replace("status: active", "status: live")
                .replace("validTo: 2027-03-31", "validTo: 31/03/2027")
                .replace("maxDuration: PT4H", "maxDuration: four hours")
                .replace("classification: OFFICIAL-SENSITIVE\n    criminalOffenceData: true",
                        "classification: OFFICIAL-SENSITIVE\n    criminalOffenceData: true\n    colour: red")
                .replace("    retention: {duration: P25Y, from: birth, then: review}\n", "");

        List<AgreementProblem> problems = Agreements.check(broken, "<broken>", KEYS).problems();

        assertThat(problems).extracting(AgreementProblem::path).contains("metadata.status", "metadata.validTo",
                "breakGlass.maxDuration", "dataItems[0].colour", "dataItems[1].retention");
        assertThat(Agreements.check(SMALL.replace("validTo: 2027-03-31", "validTo: 31/03/2027")
                .replace("status: active", "status: live"), "<x>", KEYS).problems()).extracting(AgreementProblem::path)
                .containsExactly("metadata.status", "metadata.validTo", "signatures", "signatures");
    }

    @Test
    void a_document_that_is_not_yaml_or_not_an_agreement_is_one_clear_problem() {
        assertThat(Agreements.check("a: [b", "<x>", KEYS).problems()).singleElement()
                .satisfies(p -> assertThat(p.message()).startsWith("not valid YAML"));
        assertThat(Agreements.check("- 1\n- 2\n", "<x>", KEYS).problems()).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("an agreement is a mapping"));
    }

    /**
     * Defects that change the same element, or whose effect depends on it (removing the grant that needs a legal
     * basis), cannot be seeded together; keep the first chosen of each group.
     */
    private static final Map<String, String> GROUP = Map.ofEntries(
            Map.entry("data item without retention", "retention"),
            Map.entry("data item without purpose", "police-basis"),
            Map.entry("law enforcement recipient without a Part 3 basis", "police-basis"),
            Map.entry("no legal basis for a recipient", "item0-grant0"),
            Map.entry("recipient not a party", "item0-grant0"),
            Map.entry("grant role not a role of the recipient", "item0-grant0"),
            Map.entry("grant purpose not declared", "item0-grant0"),
            Map.entry("grant field not in the data item", "item0-grant0"),
            Map.entry("special category data without Article 9", "social-care-basis-p1"),
            Map.entry("criminal offence data without Article 10", "social-care-basis-p1"),
            Map.entry("provider not a party", "provider"),
            Map.entry("purpose both allowed and prohibited", "prohibited"),
            Map.entry("purpose under a prohibited parent", "prohibited"),
            Map.entry("review due after the agreement ends", "dates"),
            Map.entry("break-glass role not defined", "break-glass"),
            Map.entry("break-glass longer than four hours", "break-glass"),
            Map.entry("forbid rule naming an unknown data item", "forbid"));

    private static List<Defect> compatible(List<Defect> chosen) {
        java.util.Set<String> groups = new java.util.HashSet<>();
        List<Defect> out = new ArrayList<>();
        for (Defect d : chosen) {
            if (groups.add(GROUP.getOrDefault(d.name(), "signatures"))) {
                out.add(d);
            }
        }
        return out;
    }

    private static Agreement apply(Agreement valid, List<Defect> defects) {
        Agreement a = valid;
        for (Defect d : defects) {
            if (d.resign()) {
                a = d.inject().apply(a);
            }
        }
        a = GovernanceFixtures.signAll(a);
        for (Defect d : defects) {
            if (!d.resign()) {
                a = d.inject().apply(a);
            }
        }
        return a;
    }

    private static List<AgreementProblem> check(Agreement a) {
        return Agreements.check(Agreements.write(a), "<test>", KEYS).problems();
    }

    private static Agreement item(Agreement a, int index, UnaryOperator<DataItem> change) {
        List<DataItem> items = new ArrayList<>(a.dataItems());
        items.set(index, change.apply(items.get(index)));
        return GovernanceFixtures.withItems(a, items);
    }

    private static DataItem withGrant(DataItem d, int index, org.threadline.domain.governance.agreements.Grant g) {
        List<org.threadline.domain.governance.agreements.Grant> grants = new ArrayList<>(d.grants());
        grants.set(index, g);
        return new DataItem(d.id(), d.feed(), d.provider(), d.fields(), d.classification(), d.specialCategory(),
                d.criminalOffenceData(), d.retention(), grants, d.narrowing());
    }

    private static Agreement grantRecipient(Agreement a, String recipient) {
        return item(a, 0, d -> withGrant(d, 0, new org.threadline.domain.governance.agreements.Grant(recipient,
                d.grants().get(0).purposes(), List.of(), d.grants().get(0).fields(), false)));
    }

    /** Makes the incidents item special category (health) too, so its recipients need Article 9. */
    private static Agreement special(Agreement a) {
        return item(a, 0, d -> new DataItem(d.id(), d.feed(), d.provider(), d.fields(), d.classification(),
                Optional.of("health"), d.criminalOffenceData(), d.retention(), d.grants(), d.narrowing()));
    }

    private static Agreement basis(Agreement a, int purpose, String party, LegalBasis basis) {
        List<Purpose> purposes = new ArrayList<>(a.purposes());
        Purpose p = purposes.get(purpose);
        Map<String, LegalBasis> bases = new HashMap<>(p.legalBasis());
        if (basis == null) {
            bases.remove(party);
        } else {
            bases.put(party, basis);
        }
        purposes.set(purpose, new Purpose(p.code(), p.description(), p.requiresCaseReference(), bases));
        return GovernanceFixtures.withPurposes(a, purposes);
    }

    @Test
    void every_defect_belongs_to_a_group_or_is_about_signatures() {
        assertThat(defects()).filteredOn(d -> d.resign()).allSatisfy(d -> assertThat(GROUP).containsKey(d.name()));
    }

    @Test
    void the_dates_of_the_small_fixture_are_what_the_defects_assume() {
        assertThat(GovernanceFixtures.small().validTo()).isEqualTo(LocalDate.of(2027, 3, 31));
    }
}
