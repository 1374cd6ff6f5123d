package org.threadline.store;

import com.zaxxer.hikari.HikariDataSource;
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
 *
 * <p>Connections come from a pool. Stores take a connection per call; unpooled, each call started a PostgreSQL
 * backend process, and an indicators run spent most of its time doing that (docs/benchmarks.md, issue #6).
 */
public final class Database implements AutoCloseable {
    /** Names a PostgreSQL server to use instead of the embedded one ({@code jdbc:postgresql://host/db}). */
    public static final String URL = "THREADLINE_DB_URL";
    public static final String USER = "THREADLINE_DB_USER";
    public static final String PASSWORD = "THREADLINE_DB_PASSWORD";
    /** How many connections the pool may hold open at most (default {@value #DEFAULT_POOL_SIZE}). */
    public static final String POOL_SIZE = "THREADLINE_DB_POOL_SIZE";
    /**
     * Enough for the web app's request threads or for the busiest command: a people build holds its own connection,
     * one per fresh copy it fills and one for its read-ahead at once.
     */
    public static final int DEFAULT_POOL_SIZE = 16;

    private final DataSource unpooled;
    private final HikariDataSource pool;
    private final EmbeddedPostgres embedded;
    private final FolderLock lock;
    private final String description;

    private Database(DataSource unpooled, int poolSize, EmbeddedPostgres embedded, FolderLock lock,
            String description) {
        this.unpooled = unpooled;
        this.pool = pool(unpooled, poolSize);
        this.embedded = embedded;
        this.lock = lock;
        this.description = description;
    }

    /**
     * The server named in {@code environment}, else embedded PostgreSQL with its data in {@code embeddedData};
     * migrated either way.
     */
    public static Database open(Map<String, String> environment, Path embeddedData) {
        int poolSize = poolSize(environment);
        String url = environment.get(URL);
        if (url != null && !url.isBlank()) {
            return server(url, environment.getOrDefault(USER, ""), environment.getOrDefault(PASSWORD, ""), poolSize);
        }
        return embedded(embeddedData, poolSize);
    }

    /** A PostgreSQL server, migrated. */
    public static Database server(String url, String user, String password) {
        return server(url, user, password, DEFAULT_POOL_SIZE);
    }

    private static Database server(String url, String user, String password, int poolSize) {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setUrl(url);
        if (!user.isEmpty()) {
            ds.setUser(user);
        }
        if (!password.isEmpty()) {
            ds.setPassword(password);
        }
        ds.setReWriteBatchedInserts(true);
        return migrated(new Database(ds, poolSize, null, null, "PostgreSQL at " + url));
    }

    /** Embedded PostgreSQL with its data in {@code dataFolder}: created on first use, reused afterwards. */
    public static Database embedded(Path dataFolder) {
        return embedded(dataFolder, DEFAULT_POOL_SIZE);
    }

    private static Database embedded(Path dataFolder, int poolSize) {
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
        return migrated(new Database(ds, poolSize, pg, lock, "embedded PostgreSQL (data in " + folder + ")"));
    }

    private static int poolSize(Map<String, String> environment) {
        String value = environment.get(POOL_SIZE);
        if (value == null || value.isBlank()) {
            return DEFAULT_POOL_SIZE;
        }
        try {
            int size = Integer.parseInt(value.strip());
            if (size >= 1) {
                return size;
            }
        } catch (NumberFormatException e) {
            // reported below with the value
        }
        throw new StoreException(POOL_SIZE + " must be a whole number of connections, at least 1; it is '" + value
                + "'", null);
    }

    /**
     * The pool fills to two idle connections in the background and makes more as they are asked for; the idle ones
     * beyond two are closed after a while, so a short command holds one or two and the web app what its traffic
     * needs. Its start does not wait for a connection ({@code initializationFailTimeout} -1): the migration runs on a
     * connection of its own first, so that a server that is down is reported at once with PostgreSQL's reason, not
     * after the pool's wait for a connection.
     */
    private static HikariDataSource pool(DataSource connections, int size) {
        HikariDataSource pool = new HikariDataSource();
        pool.setDataSource(connections);
        pool.setPoolName("threadline-db");
        pool.setMaximumPoolSize(size);
        pool.setMinimumIdle(Math.min(2, size));
        pool.setInitializationFailTimeout(-1);
        return pool;
    }

    private static Database migrated(Database db) {
        try {
            Flyway.configure().dataSource(db.unpooled).locations("classpath:db/migration")
                    .failOnMissingLocations(true).load().migrate();
            return db;
        } catch (FlywayException e) {
            db.close();
            throw new StoreException("Migrating " + db.description + " failed: " + StoreException.reason(e), e);
        }
    }

    /** The pool; a connection taken from it goes back when closed. */
    public DataSource dataSource() {
        return pool;
    }

    /** Which database this is, for messages. */
    public String description() {
        return description;
    }

    /** Closes the pool's connections, then stops the embedded server (its data stays) and frees its folder. */
    @Override
    public void close() {
        pool.close();
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
