package org.threadline.domain.governance.audit;

import java.util.Optional;

/**
 * What a verification found: how much was checked and, if anything is wrong, the first problem.
 *
 * @param entries entries read
 * @param checkpoints checkpoints whose signature, root and consistency with the previous one were checked
 * @param redacted entries whose payload was removed through the redaction path
 * @param unsealed entries after the last checkpoint: protected by their own hashes only, until the next checkpoint
 * @param latest the latest checkpoint checked, if any
 * @param problem the first problem, if any
 */
public record VerificationReport(long entries, long checkpoints, long redacted, long unsealed,
        Optional<Checkpoint> latest, Optional<LogProblem> problem) {
    public boolean intact() {
        return problem.isEmpty();
    }
}
