package org.threadline.domain.governance.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The verifier on logs built in memory: what it accepts, and what it names when something is off. */
class LogVerifierTest {
    static final CheckpointSigner SIGNER = new CheckpointSigner(CheckpointSigner.newKeyPair());
    static final CheckpointKeys KEYS = new CheckpointKeys(List.of(SIGNER.publicKey()));
    static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");

    /** A log of {@code n} entries as an honest appender writes it, with a checkpoint every {@code every}. */
    static final class Built {
        final List<StoredEntry> entries = new ArrayList<>();
        final List<Checkpoint> checkpoints = new ArrayList<>();
        final MerkleLog log = new MerkleLog();

        Built(int n, int every, Instant retainUntil) {
            SplittableRandom random = new SplittableRandom(n);
            for (int i = 0; i < n; i++) {
                add(event(i, i % 7 == 6 ? AuditAction.REDACTION : AuditAction.VIEW), retainUntil, random);
                if (log.size() % every == 0) {
                    checkpoints.add(SIGNER.sign(log.size(), log.root(log.size()), T0.plusSeconds(log.size())));
                }
            }
        }

        void add(AuditEvent e, Instant retainUntil, SplittableRandom random) {
            byte[] salt = PayloadCommitment.newSalt(random);
            byte[] ph = PayloadCommitment.of(e, salt);
            long seq = log.size();
            byte[] leaf = new AuditLeaf(seq, e.time(), e.action(), retainUntil, ph).hash();
            log.append(leaf);
            entries.add(new StoredEntry(seq, e.time(), e.action().name(), retainUntil, ph, leaf,
                    new StoredEntry.Present(e, salt)));
        }

        VerificationReport verify(Optional<Checkpoint> witnessed, Map<Long, Redaction> redactions) {
            LogVerifier v = new LogVerifier(KEYS, checkpoints, witnessed, redactions);
            entries.forEach(v::accept);
            return v.finish();
        }
    }

    static AuditEvent event(int i, AuditAction action) {
        return new AuditEvent("req-" + i, T0.plusSeconds(i), "user" + i % 5, "health", List.of("clinician"),
                "SAFEGUARDING.ADULT.S42", "", action, "subject-" + i, "chronology", List.of("name"), List.of(), "");
    }

    static StoredEntry withPayload(StoredEntry e, StoredEntry.Payload p) {
        return new StoredEntry(e.sequence(), e.time(), e.action(), e.retainUntil(), e.payloadHash(), e.leafHash(), p);
    }

    @Test
    void an_honest_log_verifies_and_counts_what_is_not_yet_sealed() {
        Built b = new Built(47, 10, T0.plusSeconds(86_400));
        VerificationReport r = b.verify(Optional.empty(), Map.of());
        assertThat(r.problem()).isEmpty();
        assertThat(r.entries()).isEqualTo(47);
        assertThat(r.checkpoints()).isEqualTo(4);
        assertThat(r.unsealed()).isEqualTo(7);
        assertThat(r.latest()).get().extracting(Checkpoint::treeSize).isEqualTo(40L);
    }

    @Test
    void an_empty_log_is_intact() {
        VerificationReport r = new LogVerifier(KEYS, List.of(), Optional.empty(), Map.of()).finish();
        assertThat(r.intact()).isTrue();
        assertThat(r.entries()).isZero();
    }

    @Test
    void an_edited_event_is_named_exactly() {
        Built b = new Built(30, 10, T0.plusSeconds(86_400));
        StoredEntry e = b.entries.get(13);
        StoredEntry.Present p = (StoredEntry.Present) e.payload();
        b.entries.set(13, withPayload(e, new StoredEntry.Present(event(99, AuditAction.VIEW), p.salt())));
        assertThat(b.verify(Optional.empty(), Map.of()).problem()).get()
                .isEqualTo(new LogProblem(13, 13, "entry 13: payload does not match its hash (the event was changed)"));
    }

    @Test
    void a_payload_removed_within_retention_or_without_a_redaction_entry_is_named() {
        Built b = new Built(30, 10, T0.plusSeconds(100));
        b.entries.set(4, withPayload(b.entries.get(4), new StoredEntry.Removed()));
        b.entries.set(5, withPayload(b.entries.get(5), new StoredEntry.Removed()));

        assertThat(b.verify(Optional.empty(), Map.of(4L, new Redaction(4, T0.plusSeconds(99), 6),
                5L, new Redaction(5, T0.plusSeconds(200), 6))).problem()).get()
                .extracting(LogProblem::message).asString().startsWith("entry 4: payload was removed at")
                .contains("before its retention ended");
        assertThat(b.verify(Optional.empty(), Map.of(4L, new Redaction(4, T0.plusSeconds(200), 7),
                5L, new Redaction(5, T0.plusSeconds(200), 6))).problem()).get()
                .extracting(LogProblem::message).asString().contains("not a REDACTION entry");
        VerificationReport ok = b.verify(Optional.empty(), Map.of(4L, new Redaction(4, T0.plusSeconds(200), 6),
                5L, new Redaction(5, T0.plusSeconds(200), 6)));
        assertThat(ok.problem()).isEmpty();
        assertThat(ok.redacted()).isEqualTo(2);
    }

    @Test
    void a_log_shorter_than_a_remembered_checkpoint_is_caught_even_with_no_stored_checkpoints() {
        Built b = new Built(30, 10, T0.plusSeconds(86_400));
        Checkpoint remembered = b.checkpoints.get(2);
        b.checkpoints.clear();
        b.entries.subList(24, 30).clear();
        VerificationReport r = b.verify(Optional.of(remembered), Map.of());
        assertThat(r.problem()).get().extracting(LogProblem::message).asString()
                .startsWith("entries 24..29 are missing");
    }

    @Test
    void a_rewritten_log_that_no_longer_matches_a_remembered_checkpoint_is_caught() {
        Built honest = new Built(30, 10, T0.plusSeconds(86_400));
        Built rewritten = new Built(30, 10, T0.plusSeconds(86_401));
        VerificationReport r = rewritten.verify(Optional.of(honest.checkpoints.get(1)), Map.of());
        assertThat(r.problem()).get().extracting(LogProblem::message).asString()
                .contains("remembered by an earlier verification");
    }

    @Test
    void a_checkpoint_signed_by_an_unknown_key_is_refused() {
        Built b = new Built(20, 10, T0.plusSeconds(86_400));
        CheckpointSigner stranger = new CheckpointSigner(CheckpointSigner.newKeyPair());
        b.checkpoints.set(1, stranger.sign(20, b.log.root(20), T0));
        assertThat(b.verify(Optional.empty(), Map.of()).problem()).get().extracting(LogProblem::firstEntry)
                .isEqualTo(-1L);
    }
}
