package org.threadline.store.governance;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.threadline.domain.governance.policy.CaseRegister;

/**
 * The case register the policy decision point asks (ADR 0027), answered from {@link CaseStore}: a reference unknown
 * to the requester's agency is {@code UNKNOWN}, a closed case {@code CLOSED}, an open one {@code OPEN_AND_LINKED}
 * when the subject is linked to it now, else {@code OPEN_NOT_LINKED}. A failure to read throws, and the decision
 * point denies ({@code CASE_CHECK_FAILED}).
 *
 * <p>A page decides every record and event it reads (a search, every record it scans), each asking about the same
 * case: the answer for one agency's reference is kept for {@code fresh} (by the injected clock), and a change made
 * through this process {@linkplain #forget forgets it at once}. A change made by another process (the command line
 * next to the web app) is seen within {@code fresh}.
 */
public final class StoredCaseRegister implements CaseRegister {
    /** How long an answer is kept by default: shorter than anyone takes between closing a case and the next page. */
    public static final Duration DEFAULT_FRESH = Duration.ofSeconds(2);

    private record Key(String agency, String reference) {
    }

    private record Kept(Optional<CaseStore.Snapshot> snapshot, Instant until) {
    }

    private final CaseStore store;
    private final Clock clock;
    private final Duration fresh;
    private final Map<Key, Kept> kept = new ConcurrentHashMap<>();

    public StoredCaseRegister(CaseStore store, Clock clock, Duration fresh) {
        this.store = store;
        this.clock = clock;
        this.fresh = fresh;
    }

    @Override
    public CaseStatus status(String caseReference, String subjectId, String agency) {
        if (caseReference == null || caseReference.isBlank() || agency == null || subjectId == null) {
            return CaseStatus.UNKNOWN;
        }
        Optional<CaseStore.Snapshot> s = snapshot(agency, caseReference.strip().toUpperCase(Locale.ROOT));
        if (s.isEmpty()) {
            return CaseStatus.UNKNOWN;
        }
        if (!s.get().open()) {
            return CaseStatus.CLOSED;
        }
        return s.get().linkedNow().contains(subjectId) ? CaseStatus.OPEN_AND_LINKED : CaseStatus.OPEN_NOT_LINKED;
    }

    /**
     * Whether the agency's reference names a case at all, before anyone is looked at (the purpose page's question):
     * {@code UNKNOWN}, {@code CLOSED}, or {@code OPEN_NOT_LINKED} for an open case (no subject was asked about).
     */
    public CaseStatus statusOfCase(String caseReference, String agency) {
        Optional<CaseStore.Snapshot> s = snapshot(agency, caseReference.strip().toUpperCase(Locale.ROOT));
        return s.isEmpty() ? CaseStatus.UNKNOWN : s.get().open() ? CaseStatus.OPEN_NOT_LINKED : CaseStatus.CLOSED;
    }

    /** Forgets what was kept about one agency's reference (a change to it was just committed). */
    public void forget(String agency, String reference) {
        kept.remove(new Key(agency, reference));
    }

    private Optional<CaseStore.Snapshot> snapshot(String agency, String reference) {
        Key key = new Key(agency, reference);
        Instant now = clock.instant();
        Kept k = kept.get(key);
        if (k != null && now.isBefore(k.until())) {
            return k.snapshot();
        }
        Optional<CaseStore.Snapshot> read = store.snapshot(agency, reference); // throws when the store fails
        if (kept.size() > 10_000) {
            kept.clear(); // bounded: one entry per case in use, far fewer in practice
        }
        kept.put(key, new Kept(read, now.plus(fresh)));
        return read;
    }
}
