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
import org.flywaydb.core.Flyway;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * The PostgreSQL the tests run on, chosen once per JVM: {@code STOWAGE_TEST_DB_URL} when set, else
 * Testcontainers when a Docker engine answers, else an embedded PostgreSQL 17. On it, one shared
 * database serves every test context that has the shared configuration (see {@link ApiTest}), and
 * each {@link OwnDatabase} context gets a fresh one.
 *
 * <p>Flyway migrates once per JVM, into a template database; the shared database and every
 * {@link OwnDatabase} one are copies of it ({@code CREATE DATABASE ... TEMPLATE}), so a context start
 * finds every migration applied and only validates them. Migrating took 2 to 5 s of CPU per context
 * (docs/performance.md, "Suite time (issue 10, part 7, session 9)").
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
    private static String template;

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

    /** Creates a new database with every migration applied (a copy of the template) and returns where it is. */
    public static synchronized DatabaseUrl freshDatabase() {
        Server s = server();
        String name = "stowage_test_" + ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet();
        createDatabase(s, name, template());
        return s.database(name);
    }

    /**
     * The database the others are copied from, migrated once per JVM with the service's migrations
     * (Spring Boot's default location, {@code classpath:db/migration}). Flyway's connections are closed
     * when it returns: PostgreSQL copies a template only while nobody is connected to it.
     */
    private static String template() {
        if (template == null) {
            Server s = server();
            String name = "stowage_template_" + ProcessHandle.current().pid();
            createDatabase(s, name, null);
            Flyway.configure().dataSource(s.database(name).jdbc(), s.user(), s.password()).load().migrate();
            template = name;
        }
        return template;
    }

    private static void createDatabase(Server s, String name, String from) {
        try (Connection connection = DriverManager.getConnection(s.database("postgres").jdbc(), s.user(), s.password());
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name + (from == null ? "" : " TEMPLATE " + from));
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create the test database " + name, e);
        }
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
