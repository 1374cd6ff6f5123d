package org.threadline.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AgreementsCommandTest {
    private static final Path AGREEMENTS = Path.of("..", "config", "agreements");
    private static final Path CHILDREN = AGREEMENTS.resolve("isa-children-safeguarding.yaml");
    private static final Path KEYS = AGREEMENTS.resolve("keys").resolve("trusted-keys.yaml");

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return ThreadlineCommand.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
    }

    @Test
    void check_passes_the_shipped_agreements_and_prints_their_hash() {
        int code = run("agreements", "check", "--keys", KEYS.toString(), AGREEMENTS.toString());

        assertThat(code).as(out + err.toString()).isZero();
        assertThat(out.toString()).contains("ISA-TL-CHILDREN@1", "ISA-TL-ADULTS@1", "sha256",
                "signed with DEMO keys");
    }

    @Test
    void check_prints_every_defect_with_its_path_and_exits_one() throws IOException {
        Path broken = dir.resolve("broken.yaml");
        Files.writeString(broken, Files.readString(CHILDREN)
                .replace("reviewDue: 2029-01-31", "reviewDue: 2029-06-30")
                .replace("{duration: P6Y, from: caseClosure, then: delete}\n    grants:\n      - {recipient: social-care,"
                        + " purposes: [SAFEGUARDING.CHILD.MASH_TRIAGE, SAFEGUARDING.CHILD.S47_ENQUIRY],\n"
                        + "         roles: [MASH_SOCIAL_WORKER, MASH_DUTY_MANAGER]}",
                        "{duration: P6Y, from: caseClosure, then: delete}\n    grants:\n      - {recipient: probation,"
                        + " purposes: [SAFEGUARDING.CHILD.MASH_TRIAGE, MARKETING],\n"
                        + "         roles: [MASH_SOCIAL_WORKER, MASH_DUTY_MANAGER]}"));

        int code = run("agreements", "check", "--keys", KEYS.toString(), broken.toString());

        assertThat(code).isEqualTo(1);
        assertThat(out.toString()).contains("metadata.reviewDue: reviewDue 2029-06-30 is after validTo",
                "dataItems[0].grants[0].recipient: recipient 'probation' is not a party",
                "dataItems[0].grants[0].purposes[1]: purpose 'MARKETING' is not one of the agreement's purposes",
                "signatures[0].sig", "defect(s) in 1 file(s)");
    }

    @Test
    void matrix_lists_the_permitted_cells_and_as_json_every_cell() throws IOException {
        assertThat(run("agreements", "matrix", "--keys", KEYS.toString(), CHILDREN.toString())).isZero();
        assertThat(out.toString()).contains("ISA-TL-CHILDREN@1\tschools\tDSL\tSAFEGUARDING.CHILD.ENCOMPASS\t"
                + "police-incident-persons\tDOMESTIC_ABUSE_FLAG\t-")
                .doesNotContain("\tschools\tDSL\tSAFEGUARDING.CHILD.ENCOMPASS\tpolice-incident-persons\tPNC_ID");
        out.getBuffer().setLength(0);

        assertThat(run("agreements", "matrix", "--json", "--keys", KEYS.toString(), CHILDREN.toString())).isZero();
        JsonNode json = new ObjectMapper().readTree(out.toString());
        assertThat(json.get("entries").size()).isEqualTo(json.get("cells").asInt());
        assertThat(json.get("permitted").asInt()).isPositive().isLessThan(json.get("cells").asInt());
    }

    @Test
    void diff_reports_a_widening_without_an_approver_as_an_error_and_accepts_it_with_one() throws IOException {
        String v1 = Files.readString(CHILDREN);
        String wider = v1.replace("version: 1", "version: 2")
                .replace("fields: [OCCURRENCE_DATE_TIME, DOMESTIC_ABUSE_FLAG, INVOLVEMENT, SURNAME, FORENAMES, DATE_OF_BIRTH]}\n"
                        + "      - {recipient: social-care, purposes: [SAFEGUARDING.CHILD.EARLY_HELP]",
                        "fields: [OCCURRENCE_DATE_TIME, DOMESTIC_ABUSE_FLAG, INVOLVEMENT, SURNAME, FORENAMES, DATE_OF_BIRTH,"
                        + " HOME_ADDRESS]}\n      - {recipient: social-care, purposes: [SAFEGUARDING.CHILD.EARLY_HELP]");
        assertThat(wider).isNotEqualTo(v1.replace("version: 1", "version: 2"));
        Path oldFile = dir.resolve("v1.yaml");
        Path newFile = dir.resolve("v2.yaml");
        Files.writeString(oldFile, v1);
        Files.writeString(newFile, wider);

        assertThat(run("agreements", "diff", oldFile.toString(), newFile.toString())).isEqualTo(1);
        assertThat(out.toString()).contains("WIDENS   grants schools | DSL | SAFEGUARDING.CHILD.ENCOMPASS | "
                + "police-incident-persons | HOME_ADDRESS", "ERROR", "approvedBy");

        Files.writeString(newFile, wider.replace("  status: active", "  approvedBy: Synthetic DPO, 2026-09-01\n"
                + "  status: active"));
        out.getBuffer().setLength(0);
        assertThat(run("agreements", "diff", oldFile.toString(), newFile.toString())).as(out.toString()).isZero();
    }

    @Test
    void keygen_then_sign_then_check_round_trip_on_a_copy() throws IOException {
        Path keysDir = Files.createDirectories(dir.resolve("keys"));
        StringBuilder list = new StringBuilder("keys:\n");
        for (String party : new String[] {"police", "health", "schools", "social-care", "housing", "justice",
            "substance-misuse"}) {
            out.getBuffer().setLength(0);
            assertThat(run("agreements", "keygen", "--demo", "--party", party, "--key-id", party + "-t",
                    "--out", keysDir.resolve("demo").resolve(party + "-t.pem").toString())).as(err.toString()).isZero();
            list.append(out);
        }
        Path trusted = keysDir.resolve("trusted-keys.yaml");
        Files.writeString(trusted, list.toString());
        Path copy = dir.resolve("children.yaml");
        Files.writeString(copy, Files.readString(CHILDREN));

        assertThat(run("agreements", "check", "--keys", trusted.toString(), copy.toString())).isEqualTo(1);
        out.getBuffer().setLength(0);
        assertThat(run("agreements", "sign", "--demo", "--keys", trusted.toString(), copy.toString()))
                .as(out + err.toString()).isZero();
        out.getBuffer().setLength(0);
        assertThat(run("agreements", "check", "--keys", trusted.toString(), copy.toString())).as(out.toString())
                .isZero();
        assertThat(Files.readString(copy)).startsWith("# Information sharing agreement for safeguarding children")
                .contains("keyId: police-t");
    }

    @Test
    void keygen_never_overwrites_a_key() throws IOException {
        Path key = Files.writeString(dir.resolve("k.pem"), "x");

        assertThat(run("agreements", "keygen", "--party", "p", "--key-id", "k", "--out", key.toString())).isEqualTo(2);
        assertThat(Files.readString(key)).isEqualTo("x");
    }
}
