package org.threadline.domain.governance.agreements;

import static org.assertj.core.api.Assertions.assertThat;
import static org.threadline.domain.governance.GovernanceFixtures.SMALL;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.threadline.domain.governance.GovernanceFixtures;

class AgreementRoundTripTest {

    @Test
    void every_shipped_agreement_passes_the_schema_the_linter_and_its_signatures() {
        List<Agreement> shipped = GovernanceFixtures.shipped();

        assertThat(shipped).extracting(Agreement::reference)
                .containsExactlyInAnyOrder("ISA-TL-CHILDREN@1", "ISA-TL-ADULTS@1", "ISA-TL-HEALTH-FHIR@1");
        assertThat(shipped).allSatisfy(a -> assertThat(a.signatures()).hasSameSizeAs(a.parties()));
    }

    @Test
    void writing_an_agreement_and_reading_it_back_gives_an_equal_agreement_with_valid_signatures() {
        for (Agreement a : List.of(GovernanceFixtures.shipped("ISA-TL-CHILDREN"),
                GovernanceFixtures.shipped("ISA-TL-ADULTS"))) {
            String yaml = Agreements.write(a);
            Agreement back = Agreements.parse(yaml, "<written>");

            assertThat(back).isEqualTo(a);
            assertThat(Agreements.write(back)).isEqualTo(yaml);
            assertThat(Agreements.check(yaml, "<written>", GovernanceFixtures.demoKeys()).problems()).isEmpty();
        }
        Agreement small = GovernanceFixtures.small();
        assertThat(Agreements.parse(Agreements.write(small), "<small>")).isEqualTo(small);
    }

    @Test
    void the_canonical_form_ignores_comments_layout_quoting_and_key_order() {
        String restyled = "# a comment that is not signed\n" + SMALL
                .replace("  id: ISA-TEST\n  version: 1\n", "  version: 1   # trailing comment\n  id: \"ISA-TEST\"\n")
                .replace("prohibitedPurposes: [MARKETING]", "prohibitedPurposes:\n  - MARKETING");

        assertThat(CanonicalForm.contentHash(Agreements.parse(restyled, "<restyled>")))
                .isEqualTo(CanonicalForm.contentHash(Agreements.parse(SMALL, "<small>")));
        assertThat(CanonicalForm.contentHash(Agreements.parse(SMALL.replace("P6Y", "P7Y"), "<changed>")))
                .isNotEqualTo(CanonicalForm.contentHash(Agreements.parse(SMALL, "<small>")));
    }

    @Test
    void the_canonical_form_leaves_out_the_signatures_so_every_party_signs_the_same_bytes() {
        Agreement unsigned = Agreements.parse(SMALL, "<small>");

        assertThat(CanonicalForm.bytes(GovernanceFixtures.small())).isEqualTo(CanonicalForm.bytes(unsigned));
    }

    @Test
    void re_signing_a_file_keeps_its_comments_and_layout(@org.junit.jupiter.api.io.TempDir Path dir)
            throws IOException {
        String text = "# keep me\n" + SMALL + "signatures: []\n";
        Agreement signed = GovernanceFixtures.signAll(Agreements.parse(text, "<text>"));

        String result = Agreements.withSignatures(text, signed);

        assertThat(result).startsWith("# keep me\n" + SMALL).contains("party: police", "party: social-care");
        assertThat(Agreements.check(result, "<result>", GovernanceFixtures.testKeys()).problems()).isEmpty();
    }

    @Test
    void a_signer_name_with_quotes_survives_re_signing() {
        String text = SMALL + "signatures: []\n";
        Agreement a = Agreements.parse(text, "<text>");
        Agreement signed = AgreementSigner.sign(a, "police", "Chief \"Info\" Officer \\ DPO", "police-test",
                GovernanceFixtures.testKey("police").getPrivate());

        assertThat(Agreements.parse(Agreements.withSignatures(text, signed), "<x>").signatures().get(0).signer())
                .isEqualTo("Chief \"Info\" Officer \\ DPO");
    }

    @Test
    void every_data_item_of_the_shipped_agreements_names_a_feed_of_its_provider_and_only_that_feeds_columns()
            throws IOException {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        Path sources = GovernanceFixtures.AGREEMENTS.resolveSibling("sources");
        int checked = 0;
        for (Agreement a : GovernanceFixtures.shipped()) {
            for (DataItem d : a.dataItems()) {
                Path definition = sources.resolve(d.feed() + ".yaml");
                assertThat(definition).as(a.reference() + " " + d.id()).exists();
                JsonNode root = yaml.readTree(Files.readString(definition));
                assertThat(root.get("agency").asText()).as(d.id()).isEqualTo(d.provider());
                Set<String> columns = new HashSet<>();
                root.get("columns").forEach(c -> columns.add(c.get("source").asText()));
                assertThat(columns).as(a.reference() + " " + d.id()).containsAll(d.fields());
                checked++;
            }
        }
        assertThat(checked).isEqualTo(22);
    }

    @Test
    void the_shipped_children_agreement_covers_every_synthetic_feed_and_the_fhir_example_has_its_own()
            throws IOException {
        Agreement children = GovernanceFixtures.shipped("ISA-TL-CHILDREN");
        Agreement fhir = GovernanceFixtures.shipped("ISA-TL-HEALTH-FHIR");
        try (var files = Files.list(GovernanceFixtures.AGREEMENTS.resolveSibling("sources"))) {
            Set<String> feeds = new HashSet<>(files.map(p -> p.getFileName().toString().replace(".yaml", "")).toList());
            feeds.remove("health-fhir-encounters");
            assertThat(children.dataItems()).extracting(DataItem::feed).containsExactlyInAnyOrderElementsOf(feeds);
            assertThat(fhir.dataItems()).extracting(DataItem::feed).containsExactly("health-fhir-encounters");
        }
    }
}
