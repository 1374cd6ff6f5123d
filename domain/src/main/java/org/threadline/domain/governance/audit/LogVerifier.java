package org.threadline.domain.governance.audit;

import java.security.MessageDigest;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Replays a stored log, entry by entry in sequence order, and stops at the first problem. For each entry it
 * recomputes the payload commitment from the payload and salt and the leaf hash from the leaf's fields, so a row
 * edited without recomputing its hashes is named exactly. Then the recomputed leaf goes into a fresh Merkle tree and,
 * at each checkpoint's size, the tree's root must equal the signed root, the signature must verify under a trusted
 * key, and the consistency proof from the previous checkpoint must verify: that is what catches an edit whose hashes
 * were recomputed, an insertion, a deletion with renumbering, and a rewritten suffix. Checkpoints beyond the last
 * entry reveal a truncated tail. A checkpoint remembered outside the database ({@code witnessed}) is checked the same
 * way, which still holds when an attacker deletes the stored checkpoints as well.
 */
public final class LogVerifier {
    private final CheckpointKeys keys;
    private final Deque<Checkpoint> pending;
    private final Optional<Checkpoint> witnessed;
    private final Map<Long, Redaction> redactions;
    private final MerkleLog log = new MerkleLog();
    private final Set<Long> redactionEntries = new HashSet<>();
    private Checkpoint lastGood;
    private long checked;
    private long redacted;
    private LogProblem problem;

    public LogVerifier(CheckpointKeys keys, List<Checkpoint> checkpoints, Optional<Checkpoint> witnessed,
            Map<Long, Redaction> redactions) {
        this.keys = keys;
        List<Checkpoint> sorted = new ArrayList<>(checkpoints);
        sorted.sort(Comparator.comparingLong(Checkpoint::treeSize));
        this.pending = new ArrayDeque<>(sorted);
        this.witnessed = witnessed;
        this.redactions = Map.copyOf(redactions);
    }

    /** Checks the next entry; false once a problem has been found (later entries are then not looked at). */
    public boolean accept(StoredEntry e) {
        if (problem != null) {
            return false;
        }
        problem = checkEntry(e);
        if (problem == null) {
            log.append(e.leafHash());
            problem = checkCheckpointsAt(log.size());
        }
        return problem == null;
    }

    /** The verdict once every entry has been offered. */
    public VerificationReport finish() {
        if (problem == null) {
            problem = checkTail();
        }
        long size = log.size();
        long sealed = lastGood == null ? 0 : lastGood.treeSize();
        return new VerificationReport(size, checked, redacted, problem == null ? size - sealed : 0,
                Optional.ofNullable(lastGood), Optional.ofNullable(problem));
    }

    private LogProblem checkEntry(StoredEntry e) {
        long expected = log.size();
        if (e.sequence() != expected) {
            return new LogProblem(expected, expected, "entry " + expected + " is missing (the next stored entry is "
                    + e.sequence() + ")");
        }
        Optional<AuditAction> action = AuditAction.parse(e.action());
        if (action.isEmpty()) {
            return LogProblem.entry(expected, "unknown action '" + e.action() + "'");
        }
        if (e.payloadHash().length != Sha256.LENGTH) {
            return LogProblem.entry(expected, "payload hash is not 32 bytes");
        }
        AuditLeaf leaf = new AuditLeaf(e.sequence(), e.time(), action.get(), e.retainUntil(), e.payloadHash());
        if (!MessageDigest.isEqual(leaf.hash(), e.leafHash())) {
            return LogProblem.entry(expected, "its leaf hash does not match its position, time, action, retention"
                    + " or payload hash (one of them was changed)");
        }
        if (action.get() == AuditAction.REDACTION) {
            redactionEntries.add(e.sequence());
        }
        if (e.payload() instanceof StoredEntry.Present p) {
            return checkPayload(e, p);
        }
        if (e.payload() instanceof StoredEntry.Unreadable u) {
            return LogProblem.entry(expected, "payload is not an audit event: " + u.why());
        }
        return checkRemoval(e);
    }

    private LogProblem checkPayload(StoredEntry e, StoredEntry.Present p) {
        if (p.salt().length != PayloadCommitment.SALT_LENGTH) {
            return LogProblem.entry(e.sequence(), "payload salt is not " + PayloadCommitment.SALT_LENGTH + " bytes");
        }
        if (!MessageDigest.isEqual(PayloadCommitment.of(p.event(), p.salt()), e.payloadHash())) {
            return LogProblem.entry(e.sequence(), "payload does not match its hash (the event was changed)");
        }
        if (!p.event().time().equals(e.time()) || !p.event().action().name().equals(e.action())) {
            return LogProblem.entry(e.sequence(), "payload's time or action differs from the entry's");
        }
        return null;
    }

    private LogProblem checkRemoval(StoredEntry e) {
        Redaction r = redactions.get(e.sequence());
        if (r == null) {
            return LogProblem.entry(e.sequence(), "payload was removed outside the redaction path");
        }
        if (r.redactedAt().isBefore(e.retainUntil())) {
            return LogProblem.entry(e.sequence(), "payload was removed at " + r.redactedAt()
                    + ", before its retention ended at " + e.retainUntil());
        }
        redacted++;
        return null;
    }

    private LogProblem checkCheckpointsAt(long size) {
        while (!pending.isEmpty() && pending.peekFirst().treeSize() <= size) {
            Checkpoint c = pending.removeFirst();
            LogProblem p = checkCheckpoint(c, size);
            if (p != null) {
                return p;
            }
        }
        if (witnessed.isPresent() && witnessed.get().treeSize() == size) {
            return checkWitnessed(witnessed.get());
        }
        return null;
    }

    private LogProblem checkCheckpoint(Checkpoint c, long size) {
        long from = lastGood == null ? 0 : lastGood.treeSize();
        if (c.treeSize() == 0) {
            return new LogProblem(-1, -1, "a checkpoint claims an empty log (" + c + ")");
        }
        if (!keys.verify(c)) {
            return new LogProblem(-1, -1, c + ": the signature does not verify under any trusted key "
                    + keys.ids() + " (forged or altered checkpoint)");
        }
        if (!MessageDigest.isEqual(log.root(c.treeSize()), c.rootHash())) {
            return new LogProblem(from, c.treeSize() - 1, "entries " + from + ".." + (c.treeSize() - 1)
                    + ": the log no longer matches the " + c + " (an entry in that range was changed with its"
                    + " hashes recomputed, inserted, removed or rewritten)");
        }
        if (lastGood != null && !MerkleProofs.verifyConsistency(lastGood.treeSize(), c.treeSize(),
                lastGood.rootHash(), c.rootHash(), log.consistencyProof(lastGood.treeSize(), c.treeSize()))) {
            return new LogProblem(from, c.treeSize() - 1, c + " is not consistent with the " + lastGood);
        }
        lastGood = c;
        checked++;
        return null;
    }

    private LogProblem checkWitnessed(Checkpoint w) {
        if (!keys.verify(w)) {
            return new LogProblem(-1, -1, "the remembered " + w + " does not verify under any trusted key");
        }
        if (!MessageDigest.isEqual(log.root(w.treeSize()), w.rootHash())) {
            long from = lastGood == null || lastGood.treeSize() > w.treeSize() ? 0 : lastGood.treeSize();
            return new LogProblem(from, w.treeSize() - 1, "entries " + from + ".." + (w.treeSize() - 1)
                    + ": the log no longer matches the " + w + " remembered by an earlier verification");
        }
        return null;
    }

    /**
     * The log is shorter than a checkpoint says. The entries from the end on are certainly missing; the entries
     * between the last matching checkpoint and the end cannot be checked either (the first unreachable checkpoint's
     * root needs the missing ones), so the problem spans from the last match to that checkpoint.
     */
    private static LogProblem truncated(long from, long size, Checkpoint first, Checkpoint last, String whose) {
        String unchecked = from < size ? "; entries " + from + ".." + (size - 1) + " cannot be checked against the "
                + first + " without them" : "";
        return new LogProblem(from, first.treeSize() - 1, "entries " + size + ".." + (last.treeSize() - 1)
                + " are missing: the log ends after " + size + " entries but the " + last + whose + " covers "
                + last.treeSize() + " (the tail was removed" + unchecked + ")");
    }

    private LogProblem checkTail() {
        long size = log.size();
        long from = lastGood == null ? 0 : lastGood.treeSize();
        if (!pending.isEmpty()) {
            return truncated(from, size, pending.peekFirst(), pending.peekLast(), "");
        }
        if (witnessed.isPresent() && witnessed.get().treeSize() > size) {
            Checkpoint w = witnessed.get();
            return truncated(Math.min(from, size), size, w, w, " remembered by an earlier verification");
        }
        for (Redaction r : redactions.values()) {
            if (!redactionEntries.contains(r.redactionEntry())) {
                return LogProblem.entry(r.sequence(), "its redaction names entry " + r.redactionEntry()
                        + ", which is not a REDACTION entry of this log");
            }
        }
        return null;
    }
}
