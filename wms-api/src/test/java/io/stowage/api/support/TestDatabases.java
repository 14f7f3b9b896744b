package io.stowage.api.support;

import io.stowage.api.database.DatabaseUrl;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * The PostgreSQL the tests run on, chosen once per JVM: {@code STOWAGE_TEST_DB_URL} when set, else
 * Testcontainers when a Docker engine answers, else an embedded PostgreSQL 17. On it, one shared
 * database serves every test context that has the shared configuration (see {@link ApiTest}), and
 * each {@link OwnDatabase} context gets a fresh one.
 */
public final class TestDatabases {

    public record Server(String host, int port, String user, String password) {
        DatabaseUrl database(String name) {
            return new DatabaseUrl(host, port, name);
        }
    }

    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static Server server;
    private static DatabaseUrl shared;

    private TestDatabases() {
    }

    public static synchronized Server server() {
        if (server == null) {
            server = start();
        }
        return server;
    }

    /** The database that every test context with the shared configuration uses, made once per JVM. */
    public static synchronized DatabaseUrl shared() {
        if (shared == null) {
            shared = freshDatabase();
        }
        return shared;
    }

    /** Creates a new empty database and returns where it is. */
    public static DatabaseUrl freshDatabase() {
        Server s = server();
        String name = "stowage_test_" + ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet();
        try (Connection connection = DriverManager.getConnection(s.database("postgres").jdbc(), s.user(), s.password());
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create the test database " + name, e);
        }
        return s.database(name);
    }

    private static Server start() {
        String external = System.getenv("STOWAGE_TEST_DB_URL");
        if (external != null && !external.isBlank()) {
            DatabaseUrl url = DatabaseUrl.parse(external);
            return new Server(url.host(), url.port(), env("STOWAGE_TEST_DB_USER", "postgres"), env("STOWAGE_TEST_DB_PASSWORD", "postgres"));
        }
        if (dockerAnswers()) {
            PostgreSQLContainer container = new PostgreSQLContainer("postgres:17-alpine");
            container.start();
            return new Server(container.getHost(), container.getFirstMappedPort(), container.getUsername(), container.getPassword());
        }
        try {
            EmbeddedPostgres postgres = EmbeddedPostgres.builder().setServerConfig("max_connections", "300").start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    postgres.close();
                } catch (IOException ignored) {
                    // the temporary cluster is deleted with the JVM's temp files either way
                }
            }));
            return new Server("localhost", postgres.getPort(), "postgres", "postgres");
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL for tests", e);
        }
    }

    private static boolean dockerAnswers() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
