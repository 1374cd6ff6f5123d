package org.threadline.domain.governance.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class AuditEventTest {
    static final AuditEvent EVENT = new AuditEvent("req-1", Instant.parse("2026-03-02T09:00:00.123456Z"), "asmith",
            "social-care", List.of("practitioner"), "SAFEGUARDING.CHILD.MASH_TRIAGE", "CASE-7", AuditAction.VIEW,
            "subject-42", "chronology", List.of("name", "dob"), List.of(), "isa-mash@3");

    static AuditEvent with(UnaryOperator<Object[]> change) {
        Object[] f = {EVENT.requestId(), EVENT.time(), EVENT.actor(), EVENT.agency(), EVENT.roles(), EVENT.purpose(),
            EVENT.caseRef(), EVENT.action(), EVENT.subject(), EVENT.dataItem(), EVENT.fields(), EVENT.reasonCodes(),
            EVENT.agreement()};
        f = change.apply(f);
        @SuppressWarnings("unchecked")
        AuditEvent e = new AuditEvent((String) f[0], (Instant) f[1], (String) f[2], (String) f[3],
                (List<String>) f[4], (String) f[5], (String) f[6], (AuditAction) f[7], (String) f[8], (String) f[9],
                (List<String>) f[10], (List<String>) f[11], (String) f[12]);
        return e;
    }

    @Test
    void changing_any_single_field_changes_the_canonical_bytes_and_the_commitment() {
        List<AuditEvent> variants = new ArrayList<>();
        for (int i = 0; i < 13; i++) {
            int field = i;
            variants.add(with(f -> {
                Object[] g = f.clone();
                g[field] = switch (field) {
                    case 1 -> EVENT.time().plusNanos(1_000);
                    case 4, 10, 11 -> List.of("x");
                    case 7 -> AuditAction.EXPORT;
                    default -> g[field] + "x";
                };
                return g;
            }));
        }
        byte[] salt = new byte[32];
        Set<String> encodings = new HashSet<>();
        encodings.add(java.util.HexFormat.of().formatHex(PayloadCommitment.of(EVENT, salt)));
        for (AuditEvent v : variants) {
            assertThat(v).isNotEqualTo(EVENT);
            encodings.add(java.util.HexFormat.of().formatHex(PayloadCommitment.of(v, salt)));
        }
        assertThat(encodings).hasSize(14);
    }

    @Test
    void length_prefixes_keep_different_splits_of_the_same_text_apart() {
        AuditEvent a = with(f -> {
            f[4] = List.of("ab", "c");
            return f;
        });
        AuditEvent b = with(f -> {
            f[4] = List.of("a", "bc");
            return f;
        });
        AuditEvent c = with(f -> {
            f[2] = "asmith" + "social-care";
            f[3] = "";
            return f;
        });
        assertThat(a.canonical()).isNotEqualTo(b.canonical());
        assertThat(c.canonical()).isNotEqualTo(EVENT.canonical());
    }

    @Test
    void the_commitment_depends_on_the_salt_so_a_guessed_payload_cannot_be_confirmed_without_it() {
        SplittableRandom random = new SplittableRandom(1);
        byte[] s1 = PayloadCommitment.newSalt(random);
        byte[] s2 = PayloadCommitment.newSalt(random);
        assertThat(PayloadCommitment.of(EVENT, s1)).isEqualTo(PayloadCommitment.of(EVENT, s1.clone()))
                .isNotEqualTo(PayloadCommitment.of(EVENT, s2));
        assertThatThrownBy(() -> PayloadCommitment.of(EVENT, new byte[16])).hasMessageContaining("32 bytes");
    }

    @Test
    void the_leaf_commits_to_its_position_so_moving_an_entry_changes_its_hash() {
        byte[] ph = PayloadCommitment.of(EVENT, new byte[32]);
        AuditLeaf leaf = new AuditLeaf(5, EVENT.time(), EVENT.action(), EVENT.time().plusSeconds(60), ph);
        assertThat(leaf.hash()).isNotEqualTo(new AuditLeaf(6, EVENT.time(), EVENT.action(),
                EVENT.time().plusSeconds(60), ph).hash());
        assertThat(leaf.hash()).isNotEqualTo(new AuditLeaf(5, EVENT.time(), EVENT.action(),
                EVENT.time().plusSeconds(61), ph).hash());
        assertThat(leaf.hash()).isEqualTo(MerkleHashes.leaf(leaf.canonical()));
        assertThat(leaf.hash()).as("a leaf is hashed with the 0x00 prefix, not as raw bytes")
                .isNotEqualTo(Sha256.of(leaf.canonical()));
    }
}
