package org.threadline.app.web.purpose;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.threadline.app.web.accounts.Role;

class PurposeDeclarationTest {
    static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");
    final PurposeDeclaration declaration = new PurposeDeclaration(PurposeCatalogue.load());
    final Set<Role> socialWorker = Set.of(Role.SOCIAL_WORKER);

    @Test
    void a_purpose_with_its_case_reference_is_declared_with_the_reference_in_capitals() {
        PurposeDeclaration.Outcome outcome = declaration.check(socialWorker, "SAFEGUARDING.ADULT.S42",
                "  s42/2026-19 ", NOW);
        assertThat(outcome).isInstanceOfSatisfying(PurposeDeclaration.Declared.class, d -> {
            assertThat(d.purpose().code()).isEqualTo("SAFEGUARDING.ADULT.S42");
            assertThat(d.purpose().caseReference()).isEqualTo("S42/2026-19");
            assertThat(d.purpose().declaredAt()).isEqualTo(NOW);
        });
    }

    @Test
    void nothing_chosen_is_refused_with_a_message_for_the_purpose_field() {
        assertThat(declaration.check(socialWorker, null, "", NOW))
                .isEqualTo(new PurposeDeclaration.Rejected(java.util.Map.of("purpose",
                        "Select why you are using Threadline")));
    }

    @Test
    void a_missing_or_malformed_case_reference_is_refused() {
        assertThat(declaration.check(socialWorker, "SAFEGUARDING.CHILD.S47_ENQUIRY", " ", NOW))
                .isInstanceOfSatisfying(PurposeDeclaration.Rejected.class, r -> assertThat(r.errors())
                        .containsOnlyKeys("caseReference"));
        for (String bad : new String[] {"AB", "has space", "<script>", "X".repeat(33), "-LEADING"}) {
            assertThat(declaration.check(socialWorker, "SAFEGUARDING.CHILD.S47_ENQUIRY", bad, NOW))
                    .as(bad).isInstanceOf(PurposeDeclaration.Rejected.class);
        }
    }

    @Test
    void a_purpose_the_roles_do_not_allow_reads_as_no_purpose_at_all() {
        assertThat(declaration.check(Set.of(Role.ANALYST), "SAFEGUARDING.CHILD.MASH_TRIAGE", "MASH-1", NOW))
                .isInstanceOfSatisfying(PurposeDeclaration.Rejected.class, r -> assertThat(r.errors())
                        .containsOnlyKeys("purpose"));
        assertThat(declaration.check(Set.of(Role.ANALYST), "NO.SUCH.PURPOSE", "", NOW))
                .isInstanceOf(PurposeDeclaration.Rejected.class);
    }

    @Test
    void a_purpose_without_a_case_needs_no_reference_but_keeps_a_valid_one_given() {
        assertThat(declaration.check(Set.of(Role.ANALYST), "SERVICE_EVALUATION.PSEUDONYMISED", "", NOW))
                .isInstanceOfSatisfying(PurposeDeclaration.Declared.class,
                        d -> assertThat(d.purpose().caseReference()).isNull());
    }
}
