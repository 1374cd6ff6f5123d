package org.threadline.app.cli;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import javax.sql.DataSource;
import org.threadline.domain.governance.audit.AuditAction;
import org.threadline.domain.governance.audit.AuditEvent;
import org.threadline.intake.load.FeedRefusedException;
import org.threadline.store.StoreException;
import org.threadline.store.audit.AuditStore;

/**
 * A refused feed is a decision not to share, and such decisions are records in their own right
 * (docs/governance.md): each refusal is a {@link AuditAction#SHARE_DECISION} entry in the audit log naming the feed,
 * its agency, the agreement concerned and the reason code. The file itself is recorded nowhere else: intake's
 * tables hold only what was taken in, and its SHA-256 must stay free to load once an agreement covers it.
 */
final class FeedRefusals {
    /** The purpose every intake decision is recorded under. */
    static final String PURPOSE = "INTAKE.PARTNER_FEED";

    private final DataSource dataSource;
    private final AuditStore audit;
    private final Clock clock;
    private final String by;

    FeedRefusals(DataSource dataSource, AuditStore audit, Clock clock, String by) {
        this.dataSource = dataSource;
        this.audit = audit;
        this.clock = clock;
        this.by = by;
    }

    void record(Path file, FeedRefusedException refused) {
        // The actor is the hub's operator running ingest; the data item names the provider's feed.
        AuditEvent event = new AuditEvent("ingest:" + java.util.UUID.randomUUID(), clock.instant(), by, "hub",
                List.of(), PURPOSE, "", AuditAction.SHARE_DECISION, "", refused.definitionId(),
                List.of(), List.of("FEED_REFUSED", refused.coverage().reason().name()), refused.agreement());
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            audit.append(c, event);
            c.commit();
        } catch (SQLException e) {
            throw new StoreException("the refusal of " + file.getFileName() + " could not be written to the audit"
                    + " log: " + e.getMessage(), e);
        }
    }
}
