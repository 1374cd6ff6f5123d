package org.threadline.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;

/**
 * Run in a child JVM by {@link KilledProcessTest}: commits one row, leaves a second uncommitted, says "ready" and
 * waits to be killed.
 */
public final class HoldsDatabaseOpen {
    private HoldsDatabaseOpen() {
    }

    public static void main(String[] args) throws Exception {
        Database db = Database.embedded(Path.of(args[0]));
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE note (text text)");
            s.execute("INSERT INTO note VALUES ('committed')");
        }
        Connection open = db.dataSource().getConnection();
        open.setAutoCommit(false);
        try (Statement s = open.createStatement()) {
            s.execute("INSERT INTO note VALUES ('never committed')");
        }
        System.out.println("ready");
        System.out.flush();
        Thread.sleep(120_000);
    }
}
