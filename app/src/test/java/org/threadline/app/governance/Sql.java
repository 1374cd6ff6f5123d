package org.threadline.app.governance;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/** What the governance tests read straight from the tables, to check the stores' work against. */
final class Sql {
    private Sql() {
    }

    static List<String[]> rows(DataSource ds, String sql) {
        List<String[]> out = new ArrayList<>();
        try (Connection c = ds.getConnection(); Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            int n = r.getMetaData().getColumnCount();
            while (r.next()) {
                String[] row = new String[n];
                for (int i = 0; i < n; i++) {
                    row[i] = r.getString(i + 1);
                }
                out.add(row);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
        return out;
    }

    static String[] firstRow(DataSource ds, String sql) {
        List<String[]> all = rows(ds, sql);
        assertThat(all).as(sql).isNotEmpty();
        return all.get(0);
    }

    static String first(DataSource ds, String sql) {
        return firstRow(ds, sql)[0];
    }

    /** Every table's whole content, hashed in a stable order: equal snapshots, unchanged tables. */
    static Map<String, String> snapshot(DataSource ds, List<String> tables) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String t : tables) {
            out.put(t, first(ds, "SELECT count(*) || ':' || coalesce(md5(string_agg(x::text, '|' ORDER BY x::text)),"
                    + " '') FROM " + t + " x"));
        }
        return out;
    }
}
