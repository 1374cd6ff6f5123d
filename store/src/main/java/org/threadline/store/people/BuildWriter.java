package org.threadline.store.people;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;
import org.threadline.domain.chronology.ChronologyEvent;
import org.threadline.domain.people.Relationship;
import org.threadline.domain.people.StableIds;
import org.threadline.store.StoreException;
import org.threadline.store.governance.CaseLinkSuccession;
import org.threadline.store.governance.PersonLineage;

/**
 * One people build's transaction, written as the build produces it instead of held until the end: at millions of
 * people the records and events alone outgrow the heap (ADR 0009). The derived tables are emptied when the writer
 * opens and refilled as the build goes; readers keep seeing the previous build until {@link #commit}, and closing
 * without a commit (a failure, a kill) rolls it all back, so no partial build is ever visible. In the same
 * transaction, case links follow the persons it merges, and cases whose persons it splits get items to check
 * ({@link CaseLinkSuccession}, ADR 0031).
 */
public final class BuildWriter implements AutoCloseable {
    private final DataSource dataSource;
    private final Connection connection;
    private final long run;
    /** The two big tables, each written and indexed as a fresh copy on a connection of its own (FreshTable). */
    private final FreshTable freshRecords;
    private final FreshTable freshEvents;
    private long persons;
    private int retired;
    private int merges;
    private int splits;
    private int reviewItems;
    private long relationships;
    private boolean done;
    private final CaseLinkSuccession caseLinks;
    private final java.util.Set<String> retiredIds = new java.util.HashSet<>();
    private final List<StableIds.Change> identityChanges = new java.util.ArrayList<>();
    private List<CaseLinkSuccession.Followed> followed = List.of();

    BuildWriter(DataSource dataSource, Build.Run header, CaseLinkSuccession caseLinks) {
        this.dataSource = dataSource;
        this.caseLinks = caseLinks;
        try {
            this.connection = dataSource.getConnection();
        } catch (SQLException e) {
            throw new StoreException("Cannot start writing the people build: " + StoreException.reason(e), e);
        }
        try {
            connection.setAutoCommit(false);
            this.run = insertRun(header);
            // The two big tables are written as fresh copies and swapped in at commit (FreshTable); the small ones
            // are emptied and refilled in place. A record's person is checked in this transaction, which writes them.
            this.freshRecords = FreshTable.open(dataSource, "person_record", BuildRows::copyRecords,
                    java.util.Set.of("person"));
            this.freshEvents = FreshTable.open(dataSource, "chronology_event", BuildRows::copyEvents,
                    java.util.Set.of("person"));
            try (Statement s = connection.createStatement()) {
                for (String table : List.of("review_item", "relationship", "residence", "people_file")) {
                    s.execute("DELETE FROM " + table);
                }
            }
        } catch (SQLException | RuntimeException e) {
            abandon();
            try {
                connection.close();
            } catch (SQLException ignored) {
                // already failing: the first error is the one to report
            }
            throw failure(e);
        }
    }

    /** The id of the run being written (persons and changes carry it). */
    public long run() {
        return run;
    }

    public void persons(List<Build.PersonRow> rows, List<String> retiredIds) {
        attempt(() -> {
            persons += BuildRows.insertAll(connection, BuildRows.PERSON, BuildRows.person(run), rows);
            try (PreparedStatement s = connection.prepareStatement(
                    "UPDATE person SET state = 'RETIRED', last_run = ? WHERE person_id = ?")) {
                for (String id : retiredIds) {
                    s.setLong(1, run);
                    s.setString(2, id);
                    s.addBatch();
                }
                s.executeBatch();
            }
            retired += retiredIds.size();
            this.retiredIds.addAll(retiredIds);
        });
    }

    /** A record without lookup keys: `people attach` cannot extend this build (small builds, tests). */
    public void record(Build.RecordRow row) {
        record(row, null);
    }

    /** A record and the keys incremental resolution will find it by. */
    public void record(Build.RecordRow row, int[] lookupKeys) {
        attempt(() -> freshRecords.add(b -> BuildRows.record(b, new Build.KeyedRecord(row, lookupKeys))));
    }

    /**
     * Every record is written: their table is indexed on its own connection from now on, while the build goes on (an
     * optional call; the commit otherwise does it then). No record may be written after.
     */
    public void recordsWritten() {
        attempt(freshRecords::finish);
    }

    /** The landed files this build read: `people attach` resolves only the rows of files landed since. */
    public void files(java.util.Collection<Long> fileIds) {
        attempt(() -> BuildRows.insertAll(connection, BuildRows.FILE, BuildRows::file, fileIds));
    }

    /**
     * The term frequencies this build's linkage counted (JSON), kept for incremental resolution, and the scheme its
     * records' lookup keys were made under (attach and search use the keys only under the same scheme).
     */
    public void termFrequencies(String json, String lookupScheme) {
        attempt(() -> {
            try (PreparedStatement s = connection.prepareStatement(
                    "UPDATE link_run SET term_frequencies = ?::jsonb, lookup_scheme = ? WHERE id = ?")) {
                s.setString(1, json);
                s.setString(2, lookupScheme);
                s.setLong(3, run);
                s.executeUpdate();
            }
        });
    }

    public void event(ChronologyEvent event) {
        attempt(() -> freshEvents.add(b -> BuildRows.event(b, event)));
    }

    /** Every event is written: as {@link #recordsWritten()}, for events. */
    public void eventsWritten() {
        attempt(freshEvents::finish);
    }

    public void changes(List<StableIds.Change> changes, String reason) {
        attempt(() -> {
            try (PreparedStatement s = connection.prepareStatement("INSERT INTO person_change (run_id, kind, before,"
                    + " after, records, reason) VALUES (?, ?, ?, ?, ?, ?)")) {
                for (StableIds.Change ch : changes) {
                    s.setLong(1, run);
                    s.setString(2, ch.kind().name());
                    s.setArray(3, connection.createArrayOf("text", ch.before().toArray()));
                    s.setArray(4, connection.createArrayOf("text", ch.after().toArray()));
                    s.setInt(5, ch.records());
                    s.setString(6, reason);
                    s.addBatch();
                    merges += ch.kind() == StableIds.ChangeKind.MERGE ? 1 : 0;
                    splits += ch.kind() == StableIds.ChangeKind.SPLIT ? 1 : 0;
                }
                s.executeBatch();
            }
            identityChanges.addAll(changes);
        });
    }

    public void review(List<Build.ReviewRow> rows) {
        attempt(() -> reviewItems += (int) BuildRows.insertAll(connection, BuildRows.REVIEW, BuildRows.review(run),
                rows));
    }

    public void relationships(List<Relationship> rows) {
        attempt(() -> relationships += BuildRows.insertAll(connection, BuildRows.RELATIONSHIP,
                BuildRows::relationship, rows));
    }

    public void residences(List<Build.ResidenceRow> rows) {
        attempt(() -> BuildRows.insertAll(connection, BuildRows.RESIDENCE, BuildRows::residence, rows));
    }

    /** Makes the build visible at once, with its run's counts; returns the run id. */
    public long commit(Instant finishedAt) {
        attempt(() -> {
            long recordCount = freshRecords.count();
            long eventCount = freshEvents.count();
            freshRecords.swapIn(connection);
            freshEvents.swapIn(connection);
            // After the persons are written (a survivor must be held to be linked), before the commit: readers see
            // the new build and the cases that follow it together.
            followed = caseLinks.follow(connection, CaseLinkSuccession.Via.PEOPLE_BUILD, run,
                    java.util.Optional.empty(), PersonLineage.of(identityChanges, retiredIds), finishedAt);
            try (PreparedStatement s = connection.prepareStatement("UPDATE link_run SET finished_at = ?,"
                    + " person_records = ?, persons = ?, merges = ?, splits = ?, retired = ?, review_items = ?,"
                    + " events = ?, relationships = ? WHERE id = ?")) {
                s.setTimestamp(1, Timestamp.from(finishedAt));
                s.setLong(2, recordCount);
                s.setLong(3, persons);
                s.setInt(4, merges);
                s.setInt(5, splits);
                s.setInt(6, retired);
                s.setInt(7, reviewItems);
                s.setLong(8, eventCount);
                s.setLong(9, relationships);
                s.setLong(10, run);
                s.executeUpdate();
            }
            connection.commit();
            done = true;
        });
        close();
        analyse();
        return run;
    }

    /** What the committed build did to cases: links that followed a merge, items to check after a split. */
    public List<CaseLinkSuccession.Followed> caseChanges() {
        return followed;
    }

    /** Rolls back unless committed. */
    @Override
    public void close() {
        if (!done) {
            abandon();
        }
        closeFreshTables();
        try {
            connection.close();
        } catch (SQLException e) {
            throw new StoreException("Closing the people build's connection failed: " + StoreException.reason(e), e);
        }
    }

    /**
     * Fresh planner statistics for the tables a build replaces wholesale: without them the planner reads a family's
     * events with a scan of every event (a second each at a million people) until autovacuum catches up.
     */
    private void analyse() {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("ANALYZE person, person_record, chronology_event, relationship, residence");
        } catch (SQLException e) {
            throw new StoreException("The people build is written, but refreshing its statistics failed: "
                    + StoreException.reason(e), e);
        }
    }

    private long insertRun(Build.Run r) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement("INSERT INTO link_run (started_at, finished_at,"
                + " model_id, model_version, model_sha256, trained_model, person_records, persons, pairs_scored,"
                + " new_persons, merges, splits, retired, review_items, events, relationships, decisions_applied,"
                + " phase_millis) VALUES (?, ?, ?, ?, ?, ?::jsonb, 0, 0, ?, ?, 0, 0, 0, 0, 0, 0, ?, ?::jsonb)"
                + " RETURNING id")) {
            s.setTimestamp(1, Timestamp.from(r.startedAt()));
            s.setTimestamp(2, Timestamp.from(r.finishedAt()));
            s.setString(3, r.modelId());
            s.setInt(4, r.modelVersion());
            s.setString(5, r.modelSha256());
            s.setString(6, r.trainedModelJson());
            s.setLong(7, r.pairsScored());
            s.setInt(8, r.newPersons());
            s.setInt(9, r.decisionsApplied());
            s.setString(10, PeopleStore.json(r.phaseMillis()));
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private interface Step {
        void run() throws SQLException;
    }

    private void attempt(Step step) {
        if (done) {
            throw new IllegalStateException("the people build's transaction has already ended");
        }
        try {
            step.run();
        } catch (SQLException | RuntimeException e) {
            abandon();
            throw failure(e);
        }
    }

    private void abandon() {
        done = true; // nothing more may be written on a rolled-back transaction
        try {
            connection.rollback();
        } catch (SQLException ignored) {
            // the connection is broken; closing it discards the transaction anyway
        }
        // After the rollback: a swap in this transaction locks the copies until it ends, and dropping them waits for it.
        closeFreshTables();
    }

    /** Drops the copies unless they were swapped in and committed (FreshTable#close); safe to call twice. */
    private void closeFreshTables() {
        for (FreshTable t : new FreshTable[] {freshRecords, freshEvents}) {
            if (t != null) {
                t.close();
            }
        }
    }

    private static RuntimeException failure(Exception e) {
        if (e instanceof StoreException s && s.getMessage().contains(NOTHING_VISIBLE)) {
            return s;
        }
        return new StoreException("Writing the people build failed " + NOTHING_VISIBLE + ": "
                + (e instanceof StoreException s ? s.getMessage() : StoreException.reason(e)), e);
    }

    private static final String NOTHING_VISIBLE = "(nothing of it is visible)";
}
