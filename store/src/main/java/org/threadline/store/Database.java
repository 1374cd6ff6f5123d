package org.threadline.store;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The one PostgreSQL database, migrated to the latest schema. Either the server named by {@value #URL} (with
 * {@value #USER} and {@value #PASSWORD}), or, when that is unset, an embedded PostgreSQL whose data folder is kept
 * between runs (never cleaned: it is the organisation's memory). Close it to stop the embedded server.
 */
public final class Database implements AutoCloseable {
    /** Names a PostgreSQL server to use instead of the embedded one ({@code jdbc:postgresql://host/db}). */
    public static final String URL = "THREADLINE_DB_URL";
    public static final String USER = "THREADLINE_DB_USER";
    public static final String PASSWORD = "THREADLINE_DB_PASSWORD";

    private final DataSource dataSource;
    private final EmbeddedPostgres embedded;
    private final FolderLock lock;
    private final String description;

    private Database(DataSource dataSource, EmbeddedPostgres embedded, FolderLock lock, String description) {
        this.dataSource = dataSource;
        this.embedded = embedded;
        this.lock = lock;
        this.description = description;
    }

    /**
     * The server named in {@code environment}, else embedded PostgreSQL with its data in {@code embeddedData};
     * migrated either way.
     */
    public static Database open(Map<String, String> environment, Path embeddedData) {
        String url = environment.get(URL);
        if (url != null && !url.isBlank()) {
            return server(url, environment.getOrDefault(USER, ""), environment.getOrDefault(PASSWORD, ""));
        }
        return embedded(embeddedData);
    }

    /** A PostgreSQL server, migrated. */
    public static Database server(String url, String user, String password) {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setUrl(url);
        if (!user.isEmpty()) {
            ds.setUser(user);
        }
        if (!password.isEmpty()) {
            ds.setPassword(password);
        }
        ds.setReWriteBatchedInserts(true);
        return migrated(new Database(ds, null, null, "PostgreSQL at " + url));
    }

    /** Embedded PostgreSQL with its data in {@code dataFolder}: created on first use, reused afterwards. */
    public static Database embedded(Path dataFolder) {
        Objects.requireNonNull(dataFolder, "dataFolder");
        Path folder = dataFolder.toAbsolutePath().normalize();
        EmbeddedPostgres pg;
        FolderLock lock = null;
        try {
            Files.createDirectories(folder);
            lock = FolderLock.take(folder);
            OrphanedServer.stopIfAny(folder);
            // The library's defaults suit throwaway test databases (fsync and synchronous commit off). This folder
            // is the organisation's memory: a load reported as committed must survive a crash of the machine.
            pg = EmbeddedPostgres.builder()
                    .setDataDirectory(folder)
                    .setCleanDataDirectory(false)
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .start();
        } catch (StoreException e) {
            closeQuietly(lock);
            throw e;
        } catch (IOException | RuntimeException e) {
            closeQuietly(lock);
            throw new StoreException("Embedded PostgreSQL could not start with its data in " + folder + ": "
                    + StoreException.reason(e), e);
        }
        DataSource ds = pg.getPostgresDatabase(Map.of("reWriteBatchedInserts", "true"));
        return migrated(new Database(ds, pg, lock, "embedded PostgreSQL (data in " + folder + ")"));
    }

    private static Database migrated(Database db) {
        try {
            Flyway.configure().dataSource(db.dataSource).locations("classpath:db/migration")
                    .failOnMissingLocations(true).load().migrate();
            return db;
        } catch (FlywayException e) {
            db.close();
            throw new StoreException("Migrating " + db.description + " failed: " + StoreException.reason(e), e);
        }
    }

    public DataSource dataSource() {
        return dataSource;
    }

    /** Which database this is, for messages. */
    public String description() {
        return description;
    }

    /** Stops the embedded server (its data stays) and frees its folder; nothing to do for a server. */
    @Override
    public void close() {
        if (embedded != null) {
            try {
                embedded.close();
            } catch (IOException e) {
                throw new StoreException("Stopping " + description + " failed: " + StoreException.reason(e), e);
            } finally {
                lock.close();
            }
        }
    }

    private static void closeQuietly(FolderLock lock) {
        if (lock != null) {
            lock.close();
        }
    }
}
