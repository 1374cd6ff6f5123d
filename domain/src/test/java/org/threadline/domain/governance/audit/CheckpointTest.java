package org.threadline.domain.governance.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class CheckpointTest {
    static final CheckpointSigner SIGNER = new CheckpointSigner(CheckpointSigner.newKeyPair());
    static final CheckpointKeys KEYS = new CheckpointKeys(List.of(SIGNER.publicKey()));
    static final byte[] ROOT = Sha256.of("root".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    static final Instant T = Instant.parse("2026-03-02T09:00:00.123456Z");

    @Test
    void a_signed_checkpoint_verifies_under_its_key() {
        Checkpoint c = SIGNER.sign(42, ROOT, T);
        assertThat(KEYS.verify(c)).isTrue();
        assertThat(c.keyId()).isEqualTo(CheckpointKeys.keyId(SIGNER.publicKey())).hasSize(16);
        assertThat(new String(c.signedText(), java.nio.charset.StandardCharsets.UTF_8))
                .startsWith("threadline-audit-checkpoint/v1\n42\n").endsWith(T + "\n");
    }

    @Test
    void changing_the_size_root_time_or_signature_or_using_another_key_is_refused() {
        Checkpoint c = SIGNER.sign(42, ROOT, T);
        byte[] otherRoot = ROOT.clone();
        otherRoot[7] ^= 1;
        byte[] otherSignature = c.signature();
        otherSignature[0] ^= 1;
        assertThat(KEYS.verify(new Checkpoint(43, ROOT, T, c.keyId(), c.signature()))).isFalse();
        assertThat(KEYS.verify(new Checkpoint(42, otherRoot, T, c.keyId(), c.signature()))).isFalse();
        assertThat(KEYS.verify(new Checkpoint(42, ROOT, T.plusNanos(1_000), c.keyId(), c.signature()))).isFalse();
        assertThat(KEYS.verify(new Checkpoint(42, ROOT, T, c.keyId(), otherSignature))).isFalse();
        CheckpointSigner stranger = new CheckpointSigner(CheckpointSigner.newKeyPair());
        assertThat(KEYS.verify(stranger.sign(42, ROOT, T))).as("an untrusted key").isFalse();
        Checkpoint relabelled = stranger.sign(42, ROOT, T);
        assertThat(KEYS.verify(new Checkpoint(42, ROOT, T, c.keyId(), relabelled.signature())))
                .as("another key's signature under our key id").isFalse();
    }
}
