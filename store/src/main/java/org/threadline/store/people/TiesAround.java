package org.threadline.store.people;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.threadline.domain.people.Relationship;
import org.threadline.store.StoreException;

/**
 * The reads and writes that remake the relationships and residences around one corrected source row, in the
 * caller's transaction (rectification, ADR 0032): who else was seen at an address, or under a postcode and surname,
 * or in the same case or incident, whose relationships and residences the correction can change; and the writes that
 * replace exactly the relationships and residences the correction changed, leaving the rest of the build as it was.
 */
public final class TiesAround {
    /** What the writes did, as counts (never values). */
    public record Counts(long relationshipsRemoved, long relationshipsAdded, long relationshipsChanged,
                         long residencesRemoved, long residencesAdded, long residencesChanged) {
        public boolean any() {
            return relationshipsRemoved + relationshipsAdded + relationshipsChanged + residencesRemoved
                    + residencesAdded + residencesChanged > 0;
        }
    }

    /** A relationship's key: who to whom, and of which type (the relationship table's primary key). */
    public record RelationshipKey(String from, String to, String type) {
        public static RelationshipKey of(Relationship r) {
            return new RelationshipKey(r.fromPerson(), r.toPerson(), r.type().name());
        }
    }

    /** A residence's key: the person and the address (the residence table's primary key). */
    public record ResidenceKey(String person, String addressKey) {
        public static ResidenceKey of(Build.ResidenceRow r) {
            return new ResidenceKey(r.personId(), r.addressKey());
        }
    }

    private TiesAround() {
    }

    /** The persons with a residence at any of these address keys. */
    public static Set<String> personsAt(Connection c, Collection<String> addressKeys) {
        return strings(c, "SELECT DISTINCT person_id FROM residence WHERE address_key = ANY (?)", addressKeys);
    }

    /** The address keys of these persons' residences. */
    public static Set<String> addressesOf(Connection c, Collection<String> persons) {
        return strings(c, "SELECT DISTINCT address_key FROM residence WHERE person_id = ANY (?)", persons);
    }

    /**
     * The persons with a record giving this postcode and surname: the stand-in for an address where a feed gives only
     * a postcode (relationship inference's weaker rule). Not indexed: read once per rectification, never by a build.
     */
    public static Set<String> personsNamedAt(Connection c, String postcode, String surname) {
        Set<String> out = new TreeSet<>();
        try (PreparedStatement s = c.prepareStatement("SELECT DISTINCT person_id FROM person_record"
                + " WHERE replace(identity->>'postcode', ' ', '') = ? AND identity->>'surname' = ?")) {
            s.setString(1, postcode.replace(" ", ""));
            s.setString(2, surname);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    out.add(r.getString(1));
                }
            }
        } catch (SQLException e) {
            throw new StoreException("Reading who is held under a postcode failed: " + StoreException.reason(e), e);
        }
        return out;
    }

    /**
     * The rows of one file and feed sharing a case or incident reference ({@code record_key}) with a row: the members
     * of one homelessness case, the people of one police incident.
     */
    public static List<long[]> rowsOfGroup(Connection c, long fileId, String definitionId, String recordKey) {
        List<long[]> out = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT file_id, row_number FROM standardised_row WHERE"
                + " file_id = ? AND definition_id = ? AND fields->'record_key'->>'value' = ? ORDER BY row_number")) {
            s.setLong(1, fileId);
            s.setString(2, definitionId);
            s.setString(3, recordKey);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    out.add(new long[] {r.getLong(1), r.getLong(2)});
                }
            }
        } catch (SQLException e) {
            throw new StoreException("Reading the rows of a case failed: " + StoreException.reason(e), e);
        }
        return out;
    }

    /** The person of every record made of these rows, by record key. */
    public static Map<String, String> personsOfRecordsOn(Connection c, Collection<long[]> rows) {
        Map<String, String> out = new LinkedHashMap<>();
        if (rows.isEmpty()) {
            return out;
        }
        try (PreparedStatement s = c.prepareStatement("SELECT p.record_key, p.person_id FROM person_record p JOIN"
                + " unnest(?::bigint[], ?::bigint[]) AS w (file_id, row_number) ON w.file_id = p.file_id AND"
                + " w.row_number = p.row_number")) {
            s.setArray(1, c.createArrayOf("bigint", rows.stream().map(x -> x[0]).toArray()));
            s.setArray(2, c.createArrayOf("bigint", rows.stream().map(x -> x[1]).toArray()));
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    out.put(r.getString(1), r.getString(2));
                }
            }
        } catch (SQLException e) {
            throw new StoreException("Reading the records of rows failed: " + StoreException.reason(e), e);
        }
        return out;
    }

    /**
     * Removes the relationships and residences a correction ended, and writes the ones it made or changed (a
     * changed one replaces the stored one whole: its evidence, dates and basis as the rules now find them).
     */
    public static Counts rewrite(Connection c, Collection<RelationshipKey> relationshipsGone,
                                 Collection<Relationship> relationshipsAdded,
                                 Collection<Relationship> relationshipsChanged,
                                 Collection<ResidenceKey> residencesGone,
                                 Collection<Build.ResidenceRow> residencesAdded,
                                 Collection<Build.ResidenceRow> residencesChanged) {
        try {
            // One the rows around did not show before may still be held (a build saw it in rows further out):
            // what the rules find now replaces it, so an added one is written like a changed one.
            List<RelationshipKey> drop = new ArrayList<>(relationshipsGone);
            relationshipsAdded.forEach(r -> drop.add(RelationshipKey.of(r)));
            relationshipsChanged.forEach(r -> drop.add(RelationshipKey.of(r)));
            List<ResidenceKey> moved = new ArrayList<>(residencesGone);
            residencesAdded.forEach(r -> moved.add(ResidenceKey.of(r)));
            residencesChanged.forEach(r -> moved.add(ResidenceKey.of(r)));
            try (PreparedStatement s = c.prepareStatement("DELETE FROM relationship WHERE from_person = ? AND"
                    + " to_person = ? AND type = ?")) {
                for (RelationshipKey k : drop) {
                    s.setString(1, k.from());
                    s.setString(2, k.to());
                    s.setString(3, k.type());
                    s.addBatch();
                }
                s.executeBatch();
            }
            try (PreparedStatement s = c.prepareStatement("DELETE FROM residence WHERE person_id = ? AND"
                    + " address_key = ?")) {
                for (ResidenceKey k : moved) {
                    s.setString(1, k.person());
                    s.setString(2, k.addressKey());
                    s.addBatch();
                }
                s.executeBatch();
            }
            List<Relationship> write = new ArrayList<>(relationshipsAdded);
            write.addAll(relationshipsChanged);
            BuildRows.insertAll(c, BuildRows.RELATIONSHIP, BuildRows::relationship, write);
            List<Build.ResidenceRow> live = new ArrayList<>(residencesAdded);
            live.addAll(residencesChanged);
            BuildRows.insertAll(c, BuildRows.RESIDENCE, BuildRows::residence, live);
            return new Counts(relationshipsGone.size(), relationshipsAdded.size(), relationshipsChanged.size(),
                    residencesGone.size(), residencesAdded.size(), residencesChanged.size());
        } catch (SQLException e) {
            throw new StoreException("Rewriting the relationships and residences around a corrected row failed: "
                    + StoreException.reason(e), e);
        }
    }

    private static Set<String> strings(Connection c, String sql, Collection<String> values) {
        Set<String> out = new TreeSet<>();
        if (values.isEmpty()) {
            return out;
        }
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setArray(1, c.createArrayOf("text", values.toArray()));
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    out.add(r.getString(1));
                }
            }
        } catch (SQLException e) {
            throw new StoreException("Reading residences failed: " + StoreException.reason(e), e);
        }
        return out;
    }
}
