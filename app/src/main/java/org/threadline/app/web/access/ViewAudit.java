package org.threadline.app.web.access;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.threadline.domain.governance.audit.AuditAction;
import org.threadline.domain.governance.audit.AuditEvent;
import org.threadline.store.StoreException;
import org.threadline.store.audit.AuditStore;

/**
 * Every page that shows personal data writes what it showed (and what it refused) to the tamper-evident audit log
 * before it is sent. The page's model is built first; the audit events for every access it decided are then appended
 * in one transaction and committed; only then is the page rendered. If the append or commit
 * fails, nothing is shown (the error page is), and nothing half-recorded stays in the log.
 */
public final class ViewAudit {
    private final DataSource dataSource;
    private final AuditStore audit;
    private final Clock clock;

    public ViewAudit(DataSource dataSource, AuditStore audit, Clock clock) {
        this.dataSource = dataSource;
        this.audit = audit;
        this.clock = clock;
    }

    /** What a page read and decided: the accesses to record, and the page's model. */
    public record Viewed<T>(T page, List<Access> accesses) {
    }

    /** Builds a page and records its accesses in one transaction; returns the page only once both succeeded. */
    public <T> T view(Viewer v, Supplier<Viewed<T>> read) {
        String requestId = UUID.randomUUID().toString();
        // Read first, then take the audit connection: the reads use connections of their own, and holding one
        // while waiting for another deadlocks the pool once as many pages are open as it has connections.
        Viewed<T> viewed = read.get();
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                List<AuditEvent> events = new ArrayList<>();
                for (Access a : viewed.accesses()) {
                    events.add(event(v, requestId, a.underBreakGlass() ? AuditAction.BREAK_GLASS
                            : a.any() ? AuditAction.VIEW : AuditAction.DENY, a.subject(),
                            a.dataItem(), List.copyOf(new java.util.TreeSet<>(a.columns())), a.reasonCodes(),
                            String.join(",", a.agreements())));
                }
                if (!events.isEmpty()) {
                    audit.appendAll(c, events);
                }
                c.commit();
                return viewed.page();
            } catch (RuntimeException | SQLException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new StoreException("Recording the view in the audit log failed, so nothing is shown: "
                    + e.getMessage(), e);
        }
    }

    /**
     * Does something accountable that is not a view of a person's records (a partner's file loaded, its rejected rows
     * sent back) and records one event for it in the same transaction: if the append fails, the work's result is not
     * returned. The work runs before the append, so a failed work leaves no entry.
     */
    public <T> T act(Viewer v, AuditAction action, String item, List<String> fields, List<String> reasons,
                     Supplier<T> work) {
        return act(v, action, item, fields, work, result -> reasons);
    }

    /** The same, with reason codes that say what the work did (a load's file and counts). */
    public <T> T act(Viewer v, AuditAction action, String item, List<String> fields, Supplier<T> work,
                     java.util.function.Function<T, List<String>> reasons) {
        T result = work.get(); // before taking the audit connection (see view)
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                audit.append(c, event(v, UUID.randomUUID().toString(), action, "", item, fields,
                        reasons.apply(result), ""));
                c.commit();
                return result;
            } catch (RuntimeException | SQLException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new StoreException("Recording the step in the audit log failed: " + e.getMessage(), e);
        }
    }

    /** Records a review decision; the decision and its audit entry are written by the caller's action first. */
    public void decision(Viewer v, String subject, String what) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            audit.append(c, event(v, UUID.randomUUID().toString(), AuditAction.REVIEW_DECISION, subject,
                    "link-review", List.of(), List.of(what), ""));
            c.commit();
        } catch (SQLException e) {
            throw new StoreException("Recording the review decision in the audit log failed: " + e.getMessage(), e);
        }
    }

    /**
     * Builds a page that shows no one's record but is itself accountable (the information-governance pages, a
     * refusal to show one) and records one event for it in the same way: committed before the page is returned.
     */
    public <T> T viewOf(Viewer v, AuditAction action, String item, List<String> shown, List<String> reasons,
                        Supplier<T> read) {
        T page = read.get(); // before taking the audit connection (see view)
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                audit.append(c, event(v, UUID.randomUUID().toString(), action, "", item, shown, reasons, ""));
                c.commit();
                return page;
            } catch (RuntimeException | SQLException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new StoreException("Recording the view in the audit log failed, so nothing is shown: "
                    + e.getMessage(), e);
        }
    }

    /**
     * Takes a step someone chose (an alert acknowledged, a decision recorded) and records it in the audit log in one
     * transaction: {@code step} writes in the connection it is given and returns whether it wrote anything; only
     * then is the audit entry appended, and both are committed together (no audit entry, no step).
     */
    public boolean step(Viewer v, String subject, String item, List<String> fields, List<String> reasons,
                        java.util.function.Predicate<Connection> step) {
        return step(v, AuditAction.REVIEW_DECISION, subject, item, fields, reasons, "", step);
    }

    /** The same, recorded as {@code action} under {@code agreement} (a break-glass grant: ADR 0018). */
    public boolean step(Viewer v, AuditAction action, String subject, String item, List<String> fields,
                        List<String> reasons, String agreement, java.util.function.Predicate<Connection> step) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                if (!step.test(c)) {
                    c.rollback();
                    return false;
                }
                audit.append(c, event(v, UUID.randomUUID().toString(), action, subject, item, fields, reasons,
                        agreement));
                c.commit();
                return true;
            } catch (RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new StoreException("Recording the step and its audit entry failed: " + e.getMessage(), e);
        }
    }

    /**
     * A step whose reason codes are known only once it has written (the grants whose notifications were read, ADR
     * 0026): {@code step} writes in the connection it is given and returns them, or empty when it wrote nothing (then
     * nothing is recorded and false is returned). The entry and the step are committed together.
     */
    public boolean stepThen(Viewer v, AuditAction action, String item,
                            java.util.function.Function<Connection, java.util.Optional<List<String>>> step) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                java.util.Optional<List<String>> reasons = step.apply(c);
                if (reasons.isEmpty()) {
                    c.rollback();
                    return false;
                }
                audit.append(c, event(v, UUID.randomUUID().toString(), action, "", item, List.of(), reasons.get(),
                        ""));
                c.commit();
                return true;
            } catch (RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new StoreException("Recording the step and its audit entry failed: " + e.getMessage(), e);
        }
    }

    /**
     * Appends one event that stands on its own, committed at once: a sign-in and its outcome, where there is no
     * viewer and no purpose yet (web.security.SignInAudit, ADR 0025).
     */
    public void record(AuditEvent event) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                audit.append(c, event);
                c.commit();
            } catch (RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new StoreException("Recording " + event.action() + " in the audit log failed: " + e.getMessage(), e);
        }
    }

    private AuditEvent event(Viewer v, String requestId, AuditAction action, String subject, String item,
                             List<String> fields, List<String> reasons, String agreement) {
        // GOVERNANCE.md b1.8: break-glass is the purpose variant "...#BREAK_GLASS", so every use stands out.
        String purpose = v.declared().code() + (action == AuditAction.BREAK_GLASS ? "#BREAK_GLASS" : "");
        return new AuditEvent(requestId, clock.instant(), v.account().username(), v.party(),
                List.copyOf(v.principal().roles()), purpose,
                v.declared().caseReferenceIfAny().orElse(""), action, subject, item, fields, reasons, agreement);
    }
}
