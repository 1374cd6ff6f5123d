package org.threadline.store.audit;

import java.util.Optional;
import org.threadline.domain.governance.audit.AuditEvent;
import org.threadline.domain.governance.audit.Checkpoint;

/**
 * What an append wrote: the entry's position, the event as stored (its time to the microsecond, as PostgreSQL keeps
 * it) and the checkpoint the append signed, if it completed a checkpoint interval.
 */
public record AuditReceipt(long sequence, AuditEvent event, Optional<Checkpoint> checkpoint) {
}
