package org.threadline.store.indicators;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.threadline.store.StoreException;

/**
 * How many committed transactions have changed what cohort counts are made of (people, residences, indicator
 * results): V27's triggers note each one once. Equal numbers read at two moments mean counts made in between are
 * still the counts of the data (ADR 0034). Cheap: one index-only count, no personal data.
 */
public final class CohortInputChanges {
    private static final String SQL = "SELECT count(*) FROM cohort_input_change";

    private final DataSource dataSource;

    public CohortInputChanges(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The committed changes this moment can see; never smaller than an earlier reading. */
    public long seen() {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(SQL);
             ResultSet r = s.executeQuery()) {
            r.next();
            return r.getLong(1);
        } catch (SQLException e) {
            throw new StoreException("Reading cohort input changes failed (" + SQL + "): " + StoreException.reason(e),
                    e);
        }
    }
}
