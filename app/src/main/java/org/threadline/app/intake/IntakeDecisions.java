package org.threadline.app.intake;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import javax.sql.DataSource;
import org.threadline.domain.governance.agreements.AgreementRegistry;
import org.threadline.domain.governance.agreements.FeedCoverage;
import org.threadline.domain.governance.audit.AuditAction;
import org.threadline.domain.governance.audit.AuditEvent;
import org.threadline.intake.load.FeedRefusedException;
import org.threadline.intake.load.LandedFile;
import org.threadline.store.StoreException;
import org.threadline.store.audit.AuditStore;
import org.threadline.store.intake.LoadRecorder;

/**
 * Taking a partner's file in, or refusing it, is a decision to share or not to share, and such decisions are records
 * in their own right (docs/governance.md): each is a {@link AuditAction#SHARE_DECISION} entry in the audit log naming
 * the feed (the source definition), the agreement relied on or lapsed, and the reason codes ({@code FEED_ACCEPTED};
 * {@code FEED_REFUSED} and the agreement's state). An accepted file's entry is written in the load's own transaction,
 * so no file is held without it; a refused file is recorded nowhere else (intake's tables hold only what was taken
 * in, and its SHA-256 must stay free to load once an agreement covers it).
 */
public final class IntakeDecisions {
    /** The purpose every intake decision is recorded under. */
    public static final String PURPOSE = "INTAKE.PARTNER_FEED";

    private final DataSource dataSource;
    private final AuditStore audit;
    private final Clock clock;
    private final String by;
    private final String byAgency;

    /** Decisions taken by the hub's operator running {@code ./threadline ingest} (agency "hub"). */
    public IntakeDecisions(DataSource dataSource, AuditStore audit, Clock clock, String by) {
        this(dataSource, audit, clock, by, "hub");
    }

    /**
     * Decisions taken on a partner's own upload (the upload page, the REST API): the actor is the uploader and the
     * agency their agreement party.
     */
    public IntakeDecisions(DataSource dataSource, AuditStore audit, Clock clock, String by, String byAgency) {
        this.dataSource = dataSource;
        this.audit = audit;
        this.clock = clock;
        this.by = by;
        this.byAgency = byAgency;
    }

    /** Records each accepted load, under the agreement that covers it today, before the load commits. */
    public LoadRecorder accepted(AgreementRegistry registry) {
        return (Connection c, LandedFile file, long fileId, long rowsRead) -> {
            FeedCoverage coverage = registry.coversFeed(file.agency(), file.definitionId(), LocalDate.now(clock));
            String agreement = coverage instanceof FeedCoverage.Covered covered ? covered.agreement() : "";
            audit.append(c, event("ingest:" + file.sha256(), file.definitionId(), List.of("FEED_ACCEPTED"),
                    agreement));
        };
    }

    public void refused(Path file, FeedRefusedException refused) {
        AuditEvent event = event("ingest:" + java.util.UUID.randomUUID(), refused.definitionId(),
                List.of("FEED_REFUSED", refused.coverage().reason().name()), refused.agreement());
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            audit.append(c, event);
            c.commit();
        } catch (SQLException e) {
            throw new StoreException("the refusal of " + file.getFileName() + " could not be written to the audit"
                    + " log: " + e.getMessage(), e);
        }
    }

    // The actor is whoever loads (the hub's operator running ingest, or the uploader); the data item names the feed.
    private AuditEvent event(String requestId, String feed, List<String> reasons, String agreement) {
        return new AuditEvent(requestId, clock.instant(), by, byAgency, List.of(), PURPOSE, "",
                AuditAction.SHARE_DECISION, "", feed, List.of(), reasons, agreement);
    }
}
