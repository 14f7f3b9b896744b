package io.stowage.api.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.commons.logging.Log;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Points the service at its PostgreSQL before any bean exists: {@code STOWAGE_DB_URL} when it is
 * set, otherwise an embedded PostgreSQL 17 whose files persist under {@code STOWAGE_DATA_DIR}.
 * Flyway migrates over JDBC; requests use R2DBC on the same database.
 */
public class DatabaseEnvironmentPostProcessor implements EnvironmentPostProcessor {

    private static final String SOURCE_NAME = "stowageDatabase";
    private static final Duration STARTUP_PATIENCE = Duration.ofMinutes(2);
    private static EmbeddedPostgres embedded;
    private static boolean stopsAtExit;

    /** Logging is not set up yet when this runs: the deferred log prints once it is. */
    private final Log log;

    public DatabaseEnvironmentPostProcessor(DeferredLogFactory logs) {
        this.log = logs.getLog(DatabaseEnvironmentPostProcessor.class);
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (environment.getPropertySources().contains(SOURCE_NAME) || environment.containsProperty("spring.r2dbc.url")) {
            return;
        }
        String externalUrl = environment.getProperty("STOWAGE_DB_URL");
        Map<String, Object> properties = new HashMap<>();
        if (externalUrl != null && !externalUrl.isBlank()) {
            DatabaseUrl url = DatabaseUrl.parse(externalUrl);
            String user = environment.getProperty("STOWAGE_DB_USER", "postgres");
            String password = environment.getProperty("STOWAGE_DB_PASSWORD", "");
            put(properties, url, user, password);
        } else if (environment.getProperty("stowage.database.embedded", Boolean.class, true)) {
            Path dataDir = Path.of(environment.getProperty("STOWAGE_DATA_DIR", "./data")).toAbsolutePath().normalize();
            int port = startEmbedded(dataDir.resolve("postgres"), log);
            put(properties, new DatabaseUrl("localhost", port, "postgres"), "postgres", "postgres");
        } else {
            return;
        }
        environment.getPropertySources().addFirst(new MapPropertySource(SOURCE_NAME, properties));
    }

    private static void put(Map<String, Object> properties, DatabaseUrl url, String user, String password) {
        properties.put("spring.r2dbc.url", url.r2dbc());
        properties.put("spring.r2dbc.username", user);
        properties.put("spring.r2dbc.password", password);
        properties.put("spring.flyway.url", url.jdbc());
        properties.put("spring.flyway.user", user);
        properties.put("spring.flyway.password", password);
    }

    private static synchronized int startEmbedded(Path directory, Log log) {
        if (embedded == null) {
            try {
                Files.createDirectories(directory);
                clearLeftovers(directory, log);
                embedded = EmbeddedPostgres.builder()
                        .setDataDirectory(directory)
                        .setCleanDataDirectory(false)
                        .setServerConfig("max_connections", "200")
                        // The library's defaults are for throwaway test clusters: it passes -F (fsync
                        // off) and sets synchronous_commit off, so a crash loses answered writes. The
                        // service keeps real orders here: every commit is on disk before it is answered.
                        .setServerConfig("fsync", "on")
                        .setServerConfig("full_page_writes", "on")
                        .setServerConfig("synchronous_commit", "on")
                        // Recovery after a crash replays the log before the server answers.
                        .setPGStartupWait(STARTUP_PATIENCE)
                        // Stopped by the handler below, after the application; the library's own hook would not wait.
                        .setRegisterShutdownHook(false)
                        .start();
            } catch (IOException e) {
                throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + directory, e);
            }
            if (!stopsAtExit) {
                // Spring's shutdown hook runs its handlers after it has closed the application, so requests and
                // background passes under way finish against a running database; a hook of its own would stop
                // PostgreSQL beside that close and cut them off.
                SpringApplication.getShutdownHandlers().add(DatabaseEnvironmentPostProcessor::stopEmbedded);
                stopsAtExit = true;
            }
        }
        return embedded.getPort();
    }

    /**
     * A service killed with its data directory in use leaves its PostgreSQL running, or a pid file
     * behind. The library's lock file tells a live service (which holds it) from a dead one.
     */
    private static void clearLeftovers(Path directory, Log log) throws IOException {
        if (!Files.exists(directory.resolve("postgresql.conf"))) {
            // No cluster yet, so no server to clear; initdb wants the directory empty.
            return;
        }
        try (FileChannel lockFile = FileChannel.open(directory.resolve("epg-lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock lock = lockFile.tryLock()) {
            if (lock == null) {
                throw new IllegalStateException("Another running Stowage uses the database in " + directory
                        + ": stop it, or give this one its own STOWAGE_DATA_DIR");
            }
            LeftoverPostmaster.clear(directory, STARTUP_PATIENCE, log);
        }
    }

    /** Stops the embedded PostgreSQL (fast shutdown), when this JVM started one; at exit, and for tests. */
    static synchronized void stopEmbedded() {
        if (embedded != null) {
            try {
                embedded.close();
            } catch (IOException e) {
                // the JVM is going away; PostgreSQL recovers from its own log at next start
            }
            embedded = null;
        }
    }
}
