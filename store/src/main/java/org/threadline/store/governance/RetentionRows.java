package org.threadline.store.governance;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.threadline.store.StoreException;

/**
 * The received rows of one feed whose retention clock started on or before a day. A row's clock starts at the latest
 * date its chronology events record (an episode's end date where the feed gives one, else the event's date): the
 * closest the feeds come to the agreements' "case closure", "attendance", "discharge" or "contact". A row with no
 * event (a quarantined row, a feed not yet built) starts on the day its file landed.
 */
public final class RetentionRows {
    /** A row and the day its retention clock started. */
    public record DatedRow(RowKey row, LocalDate started) {
    }

    private RetentionRows() {
    }

    /** Rows of {@code definitionId} from {@code agency} whose clock started on or before {@code day}. */
    public static List<DatedRow> startedBy(Connection c, String agency, String definitionId, LocalDate day) {
        String sql = "WITH ev AS (SELECT (s->>'fileId')::bigint AS file_id, (s->>'rowNumber')::bigint AS row_number,"
                + " max(coalesce(e.end_date, e.event_date)) AS started FROM chronology_event e,"
                + " jsonb_array_elements(e.sources) s WHERE e.agency = ? GROUP BY 1, 2),"
                + " dated AS (SELECT r.file_id, r.row_number, coalesce(ev.started,"
                + " (f.landed_at AT TIME ZONE 'UTC')::date) AS started FROM raw_row r JOIN landed_file f"
                + " ON f.id = r.file_id LEFT JOIN ev ON ev.file_id = r.file_id AND ev.row_number = r.row_number"
                + " WHERE f.agency = ? AND f.definition_id = ?)"
                + " SELECT file_id, row_number, started FROM dated WHERE started <= ? ORDER BY file_id, row_number";
        List<DatedRow> out = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, agency);
            s.setString(2, agency);
            s.setString(3, definitionId);
            s.setDate(4, Date.valueOf(day));
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    out.add(new DatedRow(new RowKey(r.getLong(1), r.getLong(2)), r.getDate(3).toLocalDate()));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new StoreException("Finding the expired rows of " + definitionId + " failed: " + StoreException.reason(e), e);
        }
    }
}
